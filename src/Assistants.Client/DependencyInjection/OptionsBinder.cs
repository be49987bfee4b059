using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Microsoft.Extensions.Configuration;

namespace Assistants.Client.Internal;

/// <summary>
/// Reads <see cref="AssistantsClientOptions"/> from configuration by name, without reflection. Nested options are
/// read from <c>Retry:*</c> and <c>Timeouts:*</c>; a <see cref="TimeSpan"/> is written as <c>00:00:30</c>
/// (invariant culture, <c>[d.]hh:mm:ss[.fffffff]</c>; a bare number is refused, since it would mean days),
/// and a timeout may also be <c>Infinite</c>. A server profile is <c>Profile</c> with <c>Endpoint</c> (and
/// <c>Project</c> for Foundry). Every problem is collected with its full key (<c>Assistants:BaseUrl</c>), and a key
/// this binder does not know is one of them: a misspelled <c>BaseUri</c> must not silently leave the server unset.
/// </summary>
internal static partial class OptionsBinder
{
    public static List<string> Bind(IConfiguration section, AssistantsClientOptions options)
    {
        List<string> errors = [];
        string prefix = KeyPrefix(section);
        UnknownKeys(section, prefix, errors);
        options.ApiKey = section["ApiKey"] ?? options.ApiKey;
        options.Organization = section["Organization"] ?? options.Organization;
        options.BetaHeader = section["BetaHeader"] ?? options.BetaHeader;
        options.UserAgent = section["UserAgent"] ?? options.UserAgent;
        if (section["AuthenticationScheme"] is { Length: > 0 } scheme)
        {
            if (Enum.TryParse(scheme, ignoreCase: true, out AuthenticationScheme parsed) && parsed is AuthenticationScheme.Bearer or AuthenticationScheme.ApiKeyHeader or AuthenticationScheme.None)
            {
                options.AuthenticationScheme = parsed;
            }
            else
            {
                errors.Add($"Configuration value {prefix}AuthenticationScheme '{scheme}' is not one of Bearer, ApiKeyHeader, None.");
            }
        }

        if (section["AllowInsecureHttp"] is { Length: > 0 } insecure)
        {
            if (bool.TryParse(insecure, out bool allow))
            {
                options.AllowInsecureHttp = allow;
            }
            else
            {
                errors.Add($"Configuration value {prefix}AllowInsecureHttp '{insecure}' is not true or false.");
            }
        }

        if (section["StreamRecovery"] is { Length: > 0 } recovery)
        {
            if (bool.TryParse(recovery, out bool recover))
            {
                options.StreamRecovery = recover;
            }
            else
            {
                errors.Add($"Configuration value {prefix}StreamRecovery '{recovery}' is not true or false.");
            }
        }

        BindServer(section, prefix, options, errors);
        BindRetry(section, prefix, options.Retry, errors);
        BindTimeouts(section, prefix, options.Timeouts, errors);
        if (section["Telemetry:RecordContent"] is { Length: > 0 } recordContent)
        {
            if (bool.TryParse(recordContent, out bool record))
            {
                options.Telemetry.RecordContent = record;
            }
            else
            {
                errors.Add($"Configuration value {prefix}Telemetry:RecordContent '{recordContent}' is not true or false.");
            }
        }

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

        return errors;
    }

    /// <summary>The path of <paramref name="section"/> followed by <c>:</c>, or nothing for the configuration root.</summary>
    public static string KeyPrefix(IConfiguration section)
        => section is IConfigurationSection { Path.Length: > 0 } s ? s.Path + ":" : string.Empty;

    private static void BindRetry(IConfiguration section, string prefix, RetryOptions retry, List<string> errors)
    {
        if (section["Retry:MaxRetries"] is { Length: > 0 } maxRetries)
        {
            if (int.TryParse(maxRetries, NumberStyles.Integer, CultureInfo.InvariantCulture, out int count))
            {
                retry.MaxRetries = count;
            }
            else
            {
                errors.Add($"Configuration value {prefix}Retry:MaxRetries '{maxRetries}' is not an integer.");
            }
        }

        retry.InitialDelay = ReadTimeSpan(section, prefix, "Retry:InitialDelay", allowInfinite: false, errors) ?? retry.InitialDelay;
        retry.MaxDelay = ReadTimeSpan(section, prefix, "Retry:MaxDelay", allowInfinite: false, errors) ?? retry.MaxDelay;
        retry.MaxRetryAfter = ReadTimeSpan(section, prefix, "Retry:MaxRetryAfter", allowInfinite: false, errors) ?? retry.MaxRetryAfter;
        if (section["Retry:Jitter"] is { Length: > 0 } jitter)
        {
            if (bool.TryParse(jitter, out bool value))
            {
                retry.Jitter = value;
            }
            else
            {
                errors.Add($"Configuration value {prefix}Retry:Jitter '{jitter}' is not true or false.");
            }
        }
    }

    private static void BindTimeouts(IConfiguration section, string prefix, TimeoutOptions timeouts, List<string> errors)
    {
        timeouts.ResponseHeaders = ReadTimeSpan(section, prefix, "Timeouts:ResponseHeaders", allowInfinite: true, errors) ?? timeouts.ResponseHeaders;
        timeouts.Total = ReadTimeSpan(section, prefix, "Timeouts:Total", allowInfinite: true, errors) ?? timeouts.Total;
        timeouts.StreamIdle = ReadTimeSpan(section, prefix, "Timeouts:StreamIdle", allowInfinite: true, errors) ?? timeouts.StreamIdle;
        timeouts.AbandonedRunCancel = ReadTimeSpan(section, prefix, "Timeouts:AbandonedRunCancel", allowInfinite: true, errors) ?? timeouts.AbandonedRunCancel;
    }

    private static TimeSpan? ReadTimeSpan(IConfiguration section, string prefix, string key, bool allowInfinite, List<string> errors)
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
        if (text.AsSpan().IndexOf(':') >= 0 && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out TimeSpan value))
        {
            return value;
        }

        errors.Add($"Configuration value {prefix}{key} '{text}' is not a time span such as 00:00:30 (invariant culture, [d.]hh:mm:ss[.fffffff]){(allowInfinite ? " or Infinite" : string.Empty)}.");
        return null;
    }
}
