using System;
using System.Net.Http;
using System.Threading;
using Assistants.Client;
using Assistants.Client.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static partial class AssistantsServiceCollectionExtensions
{
    /// <summary>
    /// Registers a client for one of several servers, resolvable by <paramref name="key"/>
    /// (<c>[FromKeyedServices("foundry")] AssistantsApiClient</c>, <c>GetRequiredKeyedService&lt;ThreadsClient&gt;("foundry")</c>),
    /// with options set in code.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="key">The service key; also the name of its options and of its <c>IHttpClientFactory</c> client (<c>Assistants.Client:&lt;key&gt;</c>).</param>
    /// <param name="configure">Sets the server, credentials and headers.</param>
    /// <returns>The HTTP client builder of this key's client only, to add handlers or resilience.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="key"/> is empty.</exception>
    /// <remarks>
    /// Every key has its own named options, its own HTTP pipeline and its own sub-clients (<see cref="AssistantsClient"/>,
    /// <see cref="ThreadsClient"/>, ...), registered under the same key; it can sit next to <see cref="AddAssistantsClient(IServiceCollection, Action{AssistantsClientOptions})"/>.
    /// The options are validated when the host starts; failures name the key (<c>AssistantsClientOptions[foundry].BaseUrl</c>).
    /// </remarks>
    public static IHttpClientBuilder AddKeyedAssistantsClient(this IServiceCollection services, string key, Action<AssistantsClientOptions> configure)
    {
        Argument.NotNull(services, nameof(services));
        Argument.NotNullOrEmpty(key, nameof(key));
        Argument.NotNull(configure, nameof(configure));
        services.AddOptions<AssistantsClientOptions>(key).Configure(configure).ValidateOnStart();
        return AddKeyedCore(services, key, "AssistantsClientOptions[" + key + "].");
    }

    /// <summary>
    /// Registers a client for one of several servers, resolvable by <paramref name="key"/>, with options read from a
    /// configuration section (the keys of <see cref="AddAssistantsClient(IServiceCollection, IConfiguration, Action{AssistantsClientOptions})"/>, without reflection).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="key">The service key; also the name of its options and of its <c>IHttpClientFactory</c> client (<c>Assistants.Client:&lt;key&gt;</c>).</param>
    /// <param name="section">This key's section, for example <c>configuration.GetSection("Assistants:Foundry")</c>.</param>
    /// <returns>The HTTP client builder of this key's client only, to add handlers or resilience.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="key"/> is empty.</exception>
    /// <remarks>
    /// The options are validated when the host starts: a bad value, a missing server or an unknown key fails it with an
    /// <see cref="OptionsValidationException"/> naming the full path in this section (<c>Assistants:Foundry:BaseUrl</c>).
    /// </remarks>
    public static IHttpClientBuilder AddKeyedAssistantsClient(this IServiceCollection services, string key, IConfiguration section)
    {
        Argument.NotNull(services, nameof(services));
        Argument.NotNullOrEmpty(key, nameof(key));
        Argument.NotNull(section, nameof(section));
        services.AddOptions<AssistantsClientOptions>(key).Configure(options => options.ConfigurationErrors = OptionsBinder.Bind(section, options)).ValidateOnStart();
        return AddKeyedCore(services, key, OptionsBinder.KeyPrefix(section));
    }

    private static IHttpClientBuilder AddKeyedCore(IServiceCollection services, string key, string keyPrefix)
    {
        // A factory registration: TryAddEnumerable of the unkeyed validator (same type) must not mistake it for its own.
        services.AddSingleton<IValidateOptions<AssistantsClientOptions>>(_ => new AssistantsClientOptionsValidator(key, keyPrefix));
        string httpClientName = "Assistants.Client:" + key;
        IHttpClientBuilder builder = services.AddHttpClient(httpClientName);

        // The client enforces its own timeouts (to headers, total, stream idle); HttpClient's 100 s would cut streams.
        builder.ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.AddKeyedTransient(key, (provider, _) =>
        {
            AssistantsClientOptions options = provider.GetRequiredService<IOptionsMonitor<AssistantsClientOptions>>().Get(key).Clone();
            options.LoggerFactory ??= provider.GetService<ILoggerFactory>();
            HttpClient http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(httpClientName);
            return new AssistantsApiClient(http, options);
        });
        services.AddKeyedTransient(key, (p, k) => p.GetRequiredKeyedService<AssistantsApiClient>(k).Assistants);
        services.AddKeyedTransient(key, (p, k) => p.GetRequiredKeyedService<AssistantsApiClient>(k).Threads);
        services.AddKeyedTransient(key, (p, k) => p.GetRequiredKeyedService<AssistantsApiClient>(k).Messages);
        services.AddKeyedTransient(key, (p, k) => p.GetRequiredKeyedService<AssistantsApiClient>(k).Runs);
        services.AddKeyedTransient(key, (p, k) => p.GetRequiredKeyedService<AssistantsApiClient>(k).RunSteps);
        services.AddKeyedTransient(key, (p, k) => p.GetRequiredKeyedService<AssistantsApiClient>(k).Files);
        services.AddKeyedTransient(key, (p, k) => p.GetRequiredKeyedService<AssistantsApiClient>(k).VectorStores);
        return builder;
    }
}
