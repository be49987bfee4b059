using System;

namespace Assistants.Client.Internal;

/// <summary>
/// Decides the server of a client at construction: the <see cref="AssistantsClientOptions.Profile"/> or the
/// <see cref="AssistantsClientOptions.BaseUrl"/>, never a default. A profile's values are written into the client's copy
/// of the options, so the pipeline reads one set of values whichever way the server was chosen.
/// </summary>
internal static class ServerResolution
{
    public const string NoServerMessage =
        "No server is chosen: AssistantsClientOptions.BaseUrl is not set and AssistantsClientOptions.Profile is null. "
        + "Set BaseUrl, or Profile to ServerProfile.Foundry, ServerProfile.Fabric, ServerProfile.OpenAICompatible, ServerProfile.Embedded or ServerProfile.Custom "
        + "(there is no default server: OpenAI's own Assistants endpoint was switched off on 2026-08-26).";

    /// <summary>Returns the options the client runs with (a copy), or throws <see cref="ArgumentException"/> naming what conflicts.</summary>
    public static AssistantsClientOptions Resolve(AssistantsClientOptions options, string paramName)
    {
        AssistantsClientOptions copy = options.Clone();
        if (Conflict(options) is { } conflict)
        {
            throw new ArgumentException(conflict, paramName);
        }

        if (copy.Profile is not { } profile)
        {
            return copy;
        }

        copy.BaseUrl = profile.BaseUrl;
        copy.ApiVersion = profile.ApiVersion;
        copy.BetaHeader = profile.BetaHeader;
        copy.AuthenticationScheme = profile.AuthenticationScheme;
        return copy;
    }

    /// <summary>What is missing or conflicting in the choice of server, as a message naming the options; <c>null</c> when the choice is clear.</summary>
    public static string? Conflict(AssistantsClientOptions options)
    {
        if (options.Profile is not { } profile)
        {
            return options.BaseUrl is null ? NoServerMessage : null;
        }

        string prefix = $"AssistantsClientOptions.Profile is {profile.Name}, which sets ";
        if (options.BaseUrl is not null)
        {
            return prefix + "the base URL; leave AssistantsClientOptions.BaseUrl unset (or use ServerProfile.Custom).";
        }

        if (options.ApiVersion is not null)
        {
            return prefix + "the api-version; leave AssistantsClientOptions.ApiVersion unset (or use ServerProfile.WithApiVersion).";
        }

        if (options.AuthenticationScheme != AuthenticationScheme.Bearer && options.AuthenticationScheme != profile.AuthenticationScheme)
        {
            return prefix + $"the authentication scheme to {profile.AuthenticationScheme}; AssistantsClientOptions.AuthenticationScheme {options.AuthenticationScheme} conflicts with it (use ServerProfile.Custom).";
        }

        if (options.BetaHeader != AssistantsClientOptions.DefaultBetaHeader && options.BetaHeader != profile.BetaHeader)
        {
            return prefix + "the OpenAI-Beta header; AssistantsClientOptions.BetaHeader conflicts with it (use ServerProfile.Custom).";
        }

        return null;
    }
}
