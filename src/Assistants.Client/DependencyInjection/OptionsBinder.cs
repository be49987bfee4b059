using System;
using System.Globalization;
using System.Threading;
using Microsoft.Extensions.Configuration;

namespace Assistants.Client.Internal;

/// <summary>
/// Reads <see cref="AssistantsClientOptions"/> from configuration by name, without reflection. Nested options are
/// read from <c>Retry:*</c> and <c>Timeouts:*</c>; a <see cref="TimeSpan"/> is written as <c>00:00:30</c>
/// (invariant culture, <c>[d.]hh:mm:ss[.fffffff]</c>; a bare number is refused, since it would mean days),
/// and a timeout may also be <c>Infinite</c>.
/// </summary>
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

        BindRetry(section, options.Retry);
        BindTimeouts(section, options.Timeouts);

        foreach (IConfigurationSection header in section.GetSection("DefaultHeaders").GetChildren())
        {
            if (header.Value is { } value)
            {
                options.DefaultHeaders[header.Key] = value;
            }
        }

        foreach (IConfigurationSection name in section.GetSection("SecretHeaderNames").GetChildren())
        {
            if (name.Value is { Length: > 0 } value)
            {
                options.SecretHeaderNames.Add(value);
            }
        }
    }

    private static void BindRetry(IConfiguration section, RetryOptions retry)
    {
        if (section["Retry:MaxRetries"] is { Length: > 0 } maxRetries)
        {
            retry.MaxRetries = int.TryParse(maxRetries, NumberStyles.Integer, CultureInfo.InvariantCulture, out int count)
                ? count
                : throw new InvalidOperationException($"Configuration value Retry:MaxRetries '{maxRetries}' is not an integer.");
        }

        retry.InitialDelay = ReadTimeSpan(section, "Retry:InitialDelay", allowInfinite: false) ?? retry.InitialDelay;
        retry.MaxDelay = ReadTimeSpan(section, "Retry:MaxDelay", allowInfinite: false) ?? retry.MaxDelay;
        retry.MaxRetryAfter = ReadTimeSpan(section, "Retry:MaxRetryAfter", allowInfinite: false) ?? retry.MaxRetryAfter;
        if (section["Retry:Jitter"] is { Length: > 0 } jitter)
        {
            retry.Jitter = bool.TryParse(jitter, out bool value)
                ? value
                : throw new InvalidOperationException($"Configuration value Retry:Jitter '{jitter}' is not true or false.");
        }
    }

    private static void BindTimeouts(IConfiguration section, TimeoutOptions timeouts)
    {
        timeouts.ResponseHeaders = ReadTimeSpan(section, "Timeouts:ResponseHeaders", allowInfinite: true) ?? timeouts.ResponseHeaders;
        timeouts.Total = ReadTimeSpan(section, "Timeouts:Total", allowInfinite: true) ?? timeouts.Total;
        timeouts.StreamIdle = ReadTimeSpan(section, "Timeouts:StreamIdle", allowInfinite: true) ?? timeouts.StreamIdle;
        timeouts.AbandonedRunCancel = ReadTimeSpan(section, "Timeouts:AbandonedRunCancel", allowInfinite: true) ?? timeouts.AbandonedRunCancel;
    }

    private static TimeSpan? ReadTimeSpan(IConfiguration section, string key, bool allowInfinite)
    {
        if (section[key] is not { Length: > 0 } text)
        {
            return null;
        }

        if (allowInfinite && string.Equals(text.Trim(), "Infinite", StringComparison.OrdinalIgnoreCase))
        {
            return Timeout.InfiniteTimeSpan;
        }

        // A bare number would parse as days ("30" is a month), never what a timeout meant: require hh:mm:ss.
        // Range checks stay with RetryOptions.Validate and TimeoutOptions.Validate, which name the option.
        return text.AsSpan().IndexOf(':') >= 0 && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out TimeSpan value)
            ? value
            : throw new InvalidOperationException($"Configuration value {key} '{text}' is not a time span such as 00:00:30 (invariant culture, [d.]hh:mm:ss[.fffffff]){(allowInfinite ? " or Infinite" : string.Empty)}.");
    }
}
