using System;
using System.Net.Http;
using System.Threading;
using Assistants.Client;
using Assistants.Client.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers <see cref="AssistantsApiClient"/> as a typed client of <c>IHttpClientFactory</c>, with every
/// sub-client resolvable on its own. (In this namespace so that it shows up where services are configured.)
/// </summary>
public static partial class AssistantsServiceCollectionExtensions
{
    /// <summary>Registers the client with options set in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the server, credentials and headers.</param>
    /// <returns>The HTTP client builder, to add handlers or resilience.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <remarks>The options are validated when the host starts (<c>ValidateOnStart</c>): no server chosen, or an option that conflicts with the profile, fails it with <see cref="OptionsValidationException"/>.</remarks>
    public static IHttpClientBuilder AddAssistantsClient(this IServiceCollection services, Action<AssistantsClientOptions> configure)
    {
        Argument.NotNull(services, nameof(services));
        Argument.NotNull(configure, nameof(configure));
        services.AddOptions<AssistantsClientOptions>().Configure(configure).ValidateOnStart();
        return AddCore(services, "AssistantsClientOptions.");
    }

    /// <summary>
    /// Registers the client with options read from a configuration section: <c>BaseUrl</c>, or <c>Profile</c>
    /// (<c>Foundry</c>, <c>Fabric</c>, <c>OpenAICompatible</c>, <c>Embedded</c>, <c>Custom</c>) with <c>Endpoint</c> and, for
    /// Foundry, <c>Project</c>; <c>ApiKey</c>,
    /// <c>AuthenticationScheme</c> (<c>Bearer</c>, <c>ApiKeyHeader</c>, <c>None</c>), <c>Organization</c>,
    /// <c>Project</c>, <c>BetaHeader</c>, <c>ApiVersion</c>, <c>UserAgent</c>, <c>AllowInsecureHttp</c> and
    /// <c>DefaultHeaders:&lt;name&gt;</c>, <c>SecretHeaderNames:&lt;index&gt;</c>, <c>Retry:*</c>, <c>Timeouts:*</c>. Read without reflection, so it is trim- and NativeAOT-safe.
    /// The options are validated when the host starts (<c>ValidateOnStart</c>): a bad value, a missing server and a key of
    /// a named section that is not one of these (<c>BaseUri</c>) fail it with an <see cref="OptionsValidationException"/> naming the full key (<c>Assistants:BaseUrl</c>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The configuration section, for example <c>configuration.GetSection("Assistants")</c>.</param>
    /// <param name="configure">Optional changes applied after the section is read.</param>
    /// <returns>The HTTP client builder, to add handlers or resilience.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IHttpClientBuilder AddAssistantsClient(this IServiceCollection services, IConfiguration section, Action<AssistantsClientOptions>? configure = null)
    {
        Argument.NotNull(services, nameof(services));
        Argument.NotNull(section, nameof(section));
        services.AddOptions<AssistantsClientOptions>().Configure(options =>
        {
            options.ConfigurationErrors = OptionsBinder.Bind(section, options);
            configure?.Invoke(options);
        }).ValidateOnStart();
        return AddCore(services, OptionsBinder.KeyPrefix(section));
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services, string keyPrefix)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AssistantsClientOptions>>(new AssistantsClientOptionsValidator(Options.Options.DefaultName, keyPrefix)));
        IHttpClientBuilder builder = services.AddHttpClient<AssistantsApiClient, AssistantsApiClient>(
            (HttpClient http, IServiceProvider provider) =>
            {
                AssistantsClientOptions options = provider.GetRequiredService<IOptions<AssistantsClientOptions>>().Value.Clone();
                options.LoggerFactory ??= provider.GetService<ILoggerFactory>();
                return new AssistantsApiClient(http, options);
            });

        // The client enforces its own timeouts (to headers, total, stream idle); HttpClient's 100 s would cut streams.
        builder.ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.AddTransient(p => p.GetRequiredService<AssistantsApiClient>().Assistants);
        services.AddTransient(p => p.GetRequiredService<AssistantsApiClient>().Threads);
        services.AddTransient(p => p.GetRequiredService<AssistantsApiClient>().Messages);
        services.AddTransient(p => p.GetRequiredService<AssistantsApiClient>().Runs);
        services.AddTransient(p => p.GetRequiredService<AssistantsApiClient>().RunSteps);
        services.AddTransient(p => p.GetRequiredService<AssistantsApiClient>().Files);
        services.AddTransient(p => p.GetRequiredService<AssistantsApiClient>().VectorStores);
        return builder;
    }
}
