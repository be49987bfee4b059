using System;
using System.Net.Http;
using Assistants.Client.Internal;

namespace Assistants.Client;

/// <summary>
/// The entry point: owns the HTTP pipeline (base URL, authentication, headers) and hands out the
/// sub-clients that share it. Create one per server and keep it for the life of the application.
/// </summary>
public class AssistantsApiClient : IDisposable
{
    private readonly HttpClient? _ownedHttpClient;

    /// <summary>Initializes a client for a server profile, with an API key or none (there is no default server).</summary>
    /// <param name="profile">The server, for example <see cref="ServerProfile.OpenAICompatible"/> or <see cref="ServerProfile.Embedded(HttpMessageHandler)"/>.</param>
    /// <param name="apiKey">The API key, sent as the profile says; <c>null</c> for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    public AssistantsApiClient(ServerProfile profile, string? apiKey)
        : this(CreateOptions(profile, apiKey))
    {
    }

    /// <summary>
    /// Initializes a client with its own <see cref="HttpClient"/>, disposed with this client. That client's own
    /// <see cref="HttpClient.Timeout"/> is infinite: <see cref="AssistantsClientOptions.Timeouts"/> applies instead,
    /// so long streams are not cut at 100 seconds.
    /// </summary>
    /// <param name="options">The server, credentials and headers; copied, so later changes do not affect this client.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">Neither <see cref="AssistantsClientOptions.BaseUrl"/> nor <see cref="AssistantsClientOptions.Profile"/> is set, or an option conflicts with the profile.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A retry or timeout option is out of range.</exception>
    public AssistantsApiClient(AssistantsClientOptions options)
        : this(CreateHttpClient(options), options, ownsHttpClient: true)
    {
    }

    /// <summary>Initializes a client over an <see cref="HttpClient"/> the caller owns (and disposes).</summary>
    /// <param name="httpClient">The HTTP client, for example one from <c>IHttpClientFactory</c> or over an embedded server's handler.</param>
    /// <param name="options">The server, credentials and headers; copied, so later changes do not affect this client.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A retry or timeout option is out of range.</exception>
    /// <exception cref="ArgumentException">Neither <see cref="AssistantsClientOptions.BaseUrl"/> nor <see cref="AssistantsClientOptions.Profile"/> is set, an option conflicts with the profile, the profile carries its own handler, or <paramref name="httpClient"/> sends <c>Expect: 100-continue</c> by default (<see cref="System.Net.Http.Headers.HttpRequestHeaders.ExpectContinue"/> is <c>true</c>), which the client never uses (see docs/retries.md).</exception>
    /// <remarks>The <see cref="HttpClient.Timeout"/> of <paramref name="httpClient"/> still applies on top of <see cref="AssistantsClientOptions.Timeouts"/>; set it to infinite so it does not cut long streams.</remarks>
    public AssistantsApiClient(HttpClient httpClient, AssistantsClientOptions options)
        : this(httpClient, options, ownsHttpClient: false)
    {
    }

    /// <summary>Initializes a client for mocking; its members must be overridden.</summary>
    protected AssistantsApiClient()
    {
        Pipeline = null!;
        Assistants = null!;
        Threads = null!;
        Messages = null!;
        Runs = null!;
        RunSteps = null!;
        Files = null!;
        VectorStores = null!;
    }

    private AssistantsApiClient(HttpClient httpClient, AssistantsClientOptions options, bool ownsHttpClient)
    {
        Argument.NotNull(httpClient, nameof(httpClient));
        Argument.NotNull(options, nameof(options));
        if (httpClient.DefaultRequestHeaders.ExpectContinue == true)
        {
            // HttpClient copies its default Expect header onto a request that turned it off, so it cannot be undone per request.
            throw new ArgumentException(
                "The HttpClient sends 'Expect: 100-continue' by default (DefaultRequestHeaders.ExpectContinue is true); the client never waits for 100-continue before a body. Leave it unset or set it to false.",
                nameof(httpClient));
        }

        if (!ownsHttpClient && options.Profile?.Handler is not null)
        {
            throw new ArgumentException(
                "The profile carries the embedded server's handler, which only a client that creates its own HttpClient uses; pass the handler to that HttpClient and use ServerProfile.Embedded() instead.",
                nameof(options));
        }

        AssistantsClientOptions resolved;
        try
        {
            resolved = ServerResolution.Resolve(options, nameof(options));
        }
        catch when (ownsHttpClient)
        {
            httpClient.Dispose();
            throw;
        }

        _ownedHttpClient = ownsHttpClient ? httpClient : null;
        Pipeline = new ClientPipeline(httpClient, resolved);
        Assistants = new AssistantsClient(Pipeline);
        Threads = new ThreadsClient(Pipeline);
        Messages = new MessagesClient(Pipeline);
        Runs = new RunsClient(Pipeline);
        RunSteps = new RunStepsClient(Pipeline);
        Files = new FilesClient(Pipeline);
        VectorStores = new VectorStoresClient(Pipeline);
    }

    /// <summary>Gets the client for <c>/assistants</c>.</summary>
    public virtual AssistantsClient Assistants { get; }

    /// <summary>Gets the client for <c>/threads</c>.</summary>
    public virtual ThreadsClient Threads { get; }

    /// <summary>Gets the client for the messages of a thread.</summary>
    public virtual MessagesClient Messages { get; }

    /// <summary>Gets the client for the runs of a thread.</summary>
    public virtual RunsClient Runs { get; }

    /// <summary>Gets the client for the steps of a run.</summary>
    public virtual RunStepsClient RunSteps { get; }

    /// <summary>Gets the client for <c>/files</c>.</summary>
    public virtual FilesClient Files { get; }

    /// <summary>Gets the client for <c>/vector_stores</c>.</summary>
    public virtual VectorStoresClient VectorStores { get; }

    internal ClientPipeline Pipeline { get; }

    /// <summary>Disposes the <see cref="HttpClient"/> this client created; one the caller passed in is left alone.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what this client owns.</summary>
    /// <param name="disposing"><c>true</c> when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _ownedHttpClient?.Dispose();
        }
    }

    private static AssistantsClientOptions CreateOptions(ServerProfile profile, string? apiKey)
    {
        Argument.NotNull(profile, nameof(profile));
        return new AssistantsClientOptions { Profile = profile, ApiKey = apiKey };
    }

    private static HttpClient CreateHttpClient(AssistantsClientOptions options)
    {
        Argument.NotNull(options, nameof(options));

        // The embedded server's handler belongs to the caller (or the server), so this client never disposes it.
        HttpClient http = options.Profile?.Handler is { } handler ? new HttpClient(handler, disposeHandler: false) : new HttpClient();
        http.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
        return http;
    }
}
