using System;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Server.Endpoints;
using Assistants.Server.Errors;
using Assistants.Server.Http;
using Assistants.Server.Model;
using Assistants.Server.Routing;
using Assistants.Server.Runs;
using Assistants.Server.Search;
using Assistants.Server.Storage;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Assistants.Server;

/// <summary>
/// An in-process server for the Assistants v2 protocol. Reach it through <see cref="CreateHandler"/> from an
/// <see cref="HttpClient"/>, or over HTTP with <c>MapAssistantsServer</c> on ASP.NET Core. Runs are processed by
/// background workers, and so is the indexing of vector store files; <see cref="WaitForIdleAsync"/> waits until they
/// have nothing left to do.
/// </summary>
public sealed class AssistantsServer : IAsyncDisposable
{
    private readonly AssistantsServerOptions _options;
    private readonly ServerState _state;
    private readonly ActiveRuns _activeRuns = new();
    private readonly WorkTracker _work = new();
    private readonly RunEngine _engine;
    private readonly VectorStoreIndexer _indexer;
    private readonly Router _router;
    private readonly FrontDoor _frontDoor;
    private readonly ILogger _logger;
    private int _disposed;

    /// <summary>Initializes a new instance of the <see cref="AssistantsServer"/> class with the scripted offline model.</summary>
    public AssistantsServer()
        : this(new AssistantsServerOptions())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="AssistantsServer"/> class.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public AssistantsServer(AssistantsServerOptions options)
        : this(options, StoreFactory.Open(options ?? throw new ArgumentNullException(nameof(options))))
    {
    }

    /// <summary>Initializes a new instance of the <see cref="AssistantsServer"/> class on a given store (tests wrap one).</summary>
    internal AssistantsServer(AssistantsServerOptions options, IServerStore store)
    {
        _options = options;
        ChatClient = options.ChatClient ?? new ScriptedChatClient();
        _state = new ServerState(store, options.TimeProvider, options.IdGenerator);
        RunSettlement.SettleInterrupted(store, _state.Now());
        _frontDoor = new FrontDoor(options);
        _logger = (ILogger?)options.LoggerFactory?.CreateLogger<AssistantsServer>() ?? NullLogger.Instance;
        var search = new VectorSearch(store, options.EmbeddingGenerator);
        _indexer = new VectorStoreIndexer(_state, _work, options.EmbeddingGenerator, (ILogger?)options.LoggerFactory?.CreateLogger<VectorStoreIndexer>() ?? NullLogger.Instance);
        _engine = new RunEngine(_state, _activeRuns, _work, ChatClient, search, _indexer, options);
        _router = new Router(new ServerContext(_state, _engine, _indexer, search), options.EnableImport);
        _indexer.ResumePending();
    }

    /// <summary>Gets the model behind every run.</summary>
    public IChatClient ChatClient { get; }

    /// <summary>Gets the scripted model when the server uses one (the default), so callers can script its turns.</summary>
    public ScriptedChatClient? ScriptedModel => ChatClient as ScriptedChatClient;

    /// <summary>Creates a handler that sends requests straight to this server: <c>new HttpClient(server.CreateHandler())</c>.</summary>
    /// <returns>A new handler; disposing it does not stop the server.</returns>
    public HttpMessageHandler CreateHandler() => new ServerHandler(this);

    /// <summary>Handles one protocol request.</summary>
    /// <param name="request">The request; its path may start with <see cref="AssistantsServerOptions.PathPrefix"/>.</param>
    /// <param name="cancellationToken">The token to cancel reading the request.</param>
    /// <returns>The response, with <c>x-request-id</c>, <c>openai-processing-ms</c> and <c>Date</c> (from <see cref="AssistantsServerOptions.TimeProvider"/>) headers.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(request, RequestOrigin.InProcess, cancellationToken);
    }

    /// <summary>Handles one request that came in process or over a connection (<see cref="Hosting.HttpContextBridge"/>).</summary>
    internal async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, RequestOrigin origin, CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        string requestId = ServerState.NewRequestId();
        HttpResponseMessage response;
        HttpContent? content = request.Content;
        try
        {
            string[] segments = Router.Segments(request.RequestUri?.AbsolutePath ?? "/", _options.PathPrefix);
            _frontDoor.Admit(request, segments, origin);
            var apiRequest = new ApiRequest(request, segments);
            response = await _router.RouteAsync(apiRequest, cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException error)
        {
            response = Responses.Error(error);
        }
#pragma warning disable CA1031 // Whatever went wrong, the client gets the service's 500 envelope and the log the detail.
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            response = Responses.Error(ServerFailures.RequestFailed(_logger, error, request.Method.Method, request.RequestUri?.AbsolutePath ?? "/", requestId));
        }
        finally
        {
            // The front door may have wrapped the body to bound it; the caller gets its request back as it sent it.
            request.Content = content;
        }

        response.RequestMessage = request;
        response.Headers.TryAddWithoutValidation("x-request-id", requestId);
        response.Headers.TryAddWithoutValidation("openai-version", "2020-10-01");

        // As the service does; a client measures expires_at against it, so a fake server clock stays consistent.
        response.Headers.Date ??= _options.TimeProvider.GetUtcNow();
        response.Headers.TryAddWithoutValidation(
            "openai-processing-ms", ((long)Stopwatch.GetElapsedTime(started).TotalMilliseconds).ToString(CultureInfo.InvariantCulture));
        return response;
    }

    /// <summary>
    /// Waits until no run is being processed and no vector store file is being indexed, so a caller sees the state
    /// runs, vector stores, their files and batches settled in (a test drains indexing this way, without sleeping).
    /// </summary>
    /// <param name="cancellationToken">The token to stop waiting.</param>
    /// <returns>A task that completes when the server is idle.</returns>
    public Task WaitForIdleAsync(CancellationToken cancellationToken = default) => _work.WhenIdleAsync(cancellationToken);

    /// <summary>
    /// Stops the server: runs still being processed are abandoned (their model calls cancelled) and left as they are
    /// in the store, where the next start on the same <see cref="AssistantsServerOptions.DataDirectory"/> settles them
    /// as failed; then waits for background work to finish and closes the store.
    /// </summary>
    /// <returns>A task that completes when the server is stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _indexer.Stop();
        foreach (RunRecord run in _activeRuns.All)
        {
            using (run.Gate.Enter())
            {
                if (run.Processing)
                {
                    _engine.Detach(run);
                }
            }
        }

        await WaitForIdleAsync().ConfigureAwait(false);
        _indexer.Dispose();
        _state.Docs.Dispose();
    }

    /// <summary>Gets the indexing worker (tests hold it to observe files <c>in_progress</c>).</summary>
    internal VectorStoreIndexer Indexer => _indexer;

    /// <summary>Gets the number of runs held in memory (the active ones) and of live thread gates, to check memory stays bounded.</summary>
    internal (int ActiveRuns, int Gates) MemoryFootprint => (_activeRuns.Count, _state.Gates.Count);
}
