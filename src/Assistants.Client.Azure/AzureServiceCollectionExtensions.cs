using System;
using Azure.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Assistants.Client.Azure;

/// <summary>Registers Assistants clients that authenticate with a <see cref="TokenCredential"/>.</summary>
public static class AzureServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Assistants client as <c>AddAssistantsClient</c> does, with Entra tokens from
    /// <paramref name="credential"/> (see <see cref="AssistantsClientOptionsExtensions.UseTokenCredential"/>); the
    /// scope comes from the profile <paramref name="configure"/> sets.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="credential">The credential, for example <c>DefaultAzureCredential</c>.</param>
    /// <param name="configure">Sets the profile (<see cref="ServerProfile.Foundry(Uri)"/>, <see cref="ServerProfile.Fabric"/>) and other options.</param>
    /// <returns>The builder of the client's named <c>HttpClient</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IHttpClientBuilder AddAssistantsClient(this IServiceCollection services, TokenCredential credential, Action<AssistantsClientOptions> configure)
    {
        if (credential is null)
        {
            throw new ArgumentNullException(nameof(credential));
        }

        if (configure is null)
        {
            throw new ArgumentNullException(nameof(configure));
        }

        return services.AddAssistantsClient(options =>
        {
            configure(options);
            options.UseTokenCredential(credential);
        });
    }

    /// <summary>The keyed form of <see cref="AddAssistantsClient"/>: one of several servers in one app.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="key">The service key.</param>
    /// <param name="credential">The credential, for example <c>DefaultAzureCredential</c>.</param>
    /// <param name="configure">Sets the profile and other options.</param>
    /// <returns>The builder of the key's named <c>HttpClient</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IHttpClientBuilder AddKeyedAssistantsClient(this IServiceCollection services, string key, TokenCredential credential, Action<AssistantsClientOptions> configure)
    {
        if (credential is null)
        {
            throw new ArgumentNullException(nameof(credential));
        }

        if (configure is null)
        {
            throw new ArgumentNullException(nameof(configure));
        }

        return services.AddKeyedAssistantsClient(key, options =>
        {
            configure(options);
            options.UseTokenCredential(credential);
        });
    }
}
