using System;
using Azure.Core;

namespace Assistants.Client.Azure;

/// <summary>Plugs a <see cref="TokenCredential"/> into <see cref="AssistantsClientOptions.TokenProvider"/>.</summary>
public static class AssistantsClientOptionsExtensions
{
    /// <summary>
    /// Sends Entra bearer tokens from <paramref name="credential"/>, cached and refreshed before expiry
    /// (<see cref="EntraTokenCache"/>), asked for the scope of the options' profile (<see cref="ServerProfile.TokenScope"/>:
    /// Foundry <c>https://ai.azure.com/.default</c>, Fabric <c>https://api.fabric.microsoft.com/.default</c>) unless
    /// <paramref name="scope"/> is given. The cache reads the clock from <see cref="AssistantsClientOptions.TimeProvider"/>.
    /// </summary>
    /// <param name="options">The client options; set <see cref="AssistantsClientOptions.Profile"/> first, or pass <paramref name="scope"/>.</param>
    /// <param name="credential">The credential, for example <c>DefaultAzureCredential</c>.</param>
    /// <param name="scope">The Entra scope; <c>null</c> for the profile's.</param>
    /// <param name="refreshMargin">How long before expiry the token is replaced; <c>null</c> for <see cref="EntraTokenCache.DefaultRefreshMargin"/>.</param>
    /// <returns>The same options, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="credential"/> is null.</exception>
    /// <exception cref="ArgumentException">No <paramref name="scope"/> is given and the options have no profile with a token scope.</exception>
    public static AssistantsClientOptions UseTokenCredential(this AssistantsClientOptions options, TokenCredential credential, string? scope = null, TimeSpan? refreshMargin = null)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        if (credential is null)
        {
            throw new ArgumentNullException(nameof(credential));
        }

        string resolved = scope ?? options.Profile?.TokenScope
            ?? throw new ArgumentException(
                $"No Entra token scope: set AssistantsClientOptions.Profile to a profile with one (ServerProfile.Foundry, ServerProfile.Fabric) before UseTokenCredential, or pass the scope. Profile: {options.Profile?.Name ?? "(none)"}.",
                nameof(scope));
        EntraTokenCache cache = new(credential, resolved, () => options.TimeProvider, refreshMargin);
        options.AuthenticationScheme = AuthenticationScheme.Bearer;
        options.TokenProvider = cache.GetTokenAsync;
        return options;
    }
}
