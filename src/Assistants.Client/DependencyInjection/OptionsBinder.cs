using System;
using Microsoft.Extensions.Configuration;

namespace Assistants.Client.Internal;

/// <summary>Reads <see cref="AssistantsClientOptions"/> from configuration by name, without reflection.</summary>
internal static class OptionsBinder
{
    public static void Bind(IConfiguration section, AssistantsClientOptions options)
    {
        if (section["BaseUrl"] is { Length: > 0 } baseUrl)
        {
            options.BaseUrl = Uri.TryCreate(baseUrl, UriKind.Absolute, out Uri? uri)
                ? uri
                : throw new InvalidOperationException($"Configuration value BaseUrl '{baseUrl}' is not an absolute URL.");
        }

        options.ApiKey = section["ApiKey"] ?? options.ApiKey;
        options.Organization = section["Organization"] ?? options.Organization;
        options.Project = section["Project"] ?? options.Project;
        options.BetaHeader = section["BetaHeader"] ?? options.BetaHeader;
        options.ApiVersion = section["ApiVersion"] ?? options.ApiVersion;
        options.UserAgent = section["UserAgent"] ?? options.UserAgent;
        if (section["AuthenticationScheme"] is { Length: > 0 } scheme)
        {
            options.AuthenticationScheme = Enum.TryParse(scheme, ignoreCase: true, out AuthenticationScheme parsed) && parsed is AuthenticationScheme.Bearer or AuthenticationScheme.ApiKeyHeader or AuthenticationScheme.None
                ? parsed
                : throw new InvalidOperationException($"Configuration value AuthenticationScheme '{scheme}' is not one of Bearer, ApiKeyHeader, None.");
        }

        if (section["AllowInsecureHttp"] is { Length: > 0 } insecure)
        {
            options.AllowInsecureHttp = bool.TryParse(insecure, out bool allow)
                ? allow
                : throw new InvalidOperationException($"Configuration value AllowInsecureHttp '{insecure}' is not true or false.");
        }

        foreach (IConfigurationSection header in section.GetSection("DefaultHeaders").GetChildren())
        {
            if (header.Value is { } value)
            {
                options.DefaultHeaders[header.Key] = value;
            }
        }
    }
}
