using System;
using System.Collections.Generic;
using Microsoft.Extensions.Configuration;

namespace Assistants.Client.Internal;

/// <summary>The server keys (<c>BaseUrl</c>, or <c>Profile</c> with <c>Endpoint</c> and <c>Project</c>) and the check for unknown keys.</summary>
internal static partial class OptionsBinder
{
    public const string ProfileNames = "Foundry, Fabric, OpenAICompatible, Embedded, Custom";

    private static readonly string[] s_topKeys =
    [
        "BaseUrl", "Profile", "Endpoint", "Project", "ApiKey", "AuthenticationScheme", "ApiVersion", "BetaHeader", "Organization",
        "UserAgent", "AllowInsecureHttp", "StreamRecovery", "DefaultHeaders", "SecretHeaderNames", "Retry", "Timeouts", "Telemetry",
    ];

    private static readonly string[] s_retryKeys = ["MaxRetries", "InitialDelay", "MaxDelay", "MaxRetryAfter", "Jitter"];

    private static readonly string[] s_timeoutKeys = ["ResponseHeaders", "Total", "StreamIdle", "AbandonedRunCancel"];

    private static void BindServer(IConfiguration section, string prefix, AssistantsClientOptions options, List<string> errors)
    {
        string? profileName = NonEmpty(section["Profile"]);
        string? baseUrl = NonEmpty(section["BaseUrl"]);
        string? endpoint = NonEmpty(section["Endpoint"]);
        string? project = NonEmpty(section["Project"]);
        string? apiVersion = NonEmpty(section["ApiVersion"]);
        if (profileName is null)
        {
            if (endpoint is not null)
            {
                errors.Add($"{prefix}Endpoint is read only with {prefix}Profile ({ProfileNames}); without a profile the server is {prefix}BaseUrl.");
            }

            if (baseUrl is not null)
            {
                if (Uri.TryCreate(baseUrl, UriKind.Absolute, out Uri? uri))
                {
                    options.BaseUrl = uri;
                }
                else
                {
                    errors.Add($"Configuration value {prefix}BaseUrl '{baseUrl}' is not an absolute URL.");
                }
            }

            options.Project = project ?? options.Project;
            options.ApiVersion = apiVersion ?? options.ApiVersion;
            return;
        }

        if (baseUrl is not null)
        {
            errors.Add($"{prefix}BaseUrl and {prefix}Profile are both set; with a profile the server is {prefix}Endpoint.");
        }

        ServerProfile? profile = null;
        try
        {
            profile = profileName.ToUpperInvariant() switch
            {
                "FOUNDRY" => Foundry(prefix, endpoint, project, errors),
                "FABRIC" => ServerProfile.Fabric(RequireUrl(prefix, profileName, endpoint, errors)!),
                "OPENAICOMPATIBLE" => ServerProfile.OpenAICompatible(RequireUrl(prefix, profileName, endpoint, errors)!),
                "EMBEDDED" => endpoint is null ? ServerProfile.Embedded() : ServerProfile.EmbeddedOnLoopback(Url(prefix, endpoint, errors)!),
                "CUSTOM" => ServerProfile.Custom(RequireUrl(prefix, profileName, endpoint, errors)!, apiVersion, options.AuthenticationScheme, options.BetaHeader),
                _ => Unknown(prefix, profileName, errors),
            };
        }
        catch (ArgumentNullException)
        {
            // The missing or malformed Endpoint is already among the errors.
        }
        catch (ArgumentException ex)
        {
            errors.Add($"Configuration value {prefix}Endpoint '{endpoint}' does not fit Profile {profileName}: {ex.Message}");
        }

        if (profile is null)
        {
            return;
        }

        if (apiVersion is not null && profile.Name != "Custom")
        {
            profile = profile.WithApiVersion(apiVersion);
        }

        if (profile.Name != "Foundry")
        {
            options.Project = project ?? options.Project;
        }

        options.Profile = profile;
    }

    private static ServerProfile? Foundry(string prefix, string? endpoint, string? project, List<string> errors)
    {
        if (endpoint is null)
        {
            errors.Add($"{prefix}Endpoint is required with Profile Foundry: the resource name, its endpoint, or the project endpoint (https://<resource>.services.ai.azure.com/api/projects/<project>).");
            return null;
        }

        if (project is not null)
        {
            return ServerProfile.Foundry(endpoint, project);
        }

        if (Uri.TryCreate(endpoint, UriKind.Absolute, out Uri? uri) && uri.AbsolutePath.Length > 1)
        {
            return ServerProfile.Foundry(uri);
        }

        errors.Add($"{prefix}Project is required with Profile Foundry when {prefix}Endpoint is not a project endpoint.");
        return null;
    }

    private static Uri? RequireUrl(string prefix, string profileName, string? endpoint, List<string> errors)
    {
        if (endpoint is null)
        {
            errors.Add($"{prefix}Endpoint is required with Profile {profileName}.");
            return null;
        }

        return Url(prefix, endpoint, errors);
    }

    private static Uri? Url(string prefix, string endpoint, List<string> errors)
    {
        if (Uri.TryCreate(endpoint, UriKind.Absolute, out Uri? uri))
        {
            return uri;
        }

        errors.Add($"Configuration value {prefix}Endpoint '{endpoint}' is not an absolute URL.");
        return null;
    }

    private static ServerProfile? Unknown(string prefix, string profileName, List<string> errors)
    {
        errors.Add($"Configuration value {prefix}Profile '{profileName}' is not one of {ProfileNames}.");
        return null;
    }

    // Only a named section is checked: the configuration root holds the rest of the application's settings too.
    private static void UnknownKeys(IConfiguration section, string prefix, List<string> errors)
    {
        if (prefix.Length == 0)
        {
            return;
        }

        foreach (IConfigurationSection child in section.GetChildren())
        {
            if (!Known(s_topKeys, child.Key))
            {
                errors.Add($"Configuration key {prefix}{child.Key} is not an option of the Assistants client; the keys are {string.Join(", ", s_topKeys)}.");
            }
            else if (Known(["Retry"], child.Key) || Known(["Timeouts"], child.Key) || Known(["Telemetry"], child.Key))
            {
                string[] keys = Known(["Retry"], child.Key) ? s_retryKeys : Known(["Telemetry"], child.Key) ? ["RecordContent"] : s_timeoutKeys;
                foreach (IConfigurationSection nested in child.GetChildren())
                {
                    if (!Known(keys, nested.Key))
                    {
                        errors.Add($"Configuration key {prefix}{child.Key}:{nested.Key} is not an option of the Assistants client; the keys under {child.Key} are {string.Join(", ", keys)}.");
                    }
                }
            }
        }
    }

    private static bool Known(string[] keys, string key)
        => Array.Exists(keys, k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
