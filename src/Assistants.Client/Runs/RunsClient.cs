using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Client.Internal;
using Assistants.Client.Serialization;

namespace Assistants.Client;

/// <summary>Starts, reads, changes, lists and cancels runs, and submits tool outputs (<c>/threads/{thread_id}/runs</c>).</summary>
public partial class RunsClient
{
    private readonly ClientPipeline _pipeline;

    /// <summary>Initializes a client for mocking; its methods must be overridden.</summary>
    protected RunsClient()
    {
        _pipeline = null!;
    }

    internal RunsClient(ClientPipeline pipeline) => _pipeline = pipeline;

    /// <summary>Starts a run of an assistant on a thread. The call is not retried once sent: a retry could start a second run.</summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="assistantId">The assistant that executes the run.</param>
    /// <param name="options">Overrides for this run, messages to add first, and <c>include[]</c> fields.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new run, usually <c>queued</c>.</returns>
    /// <exception cref="System.ArgumentException">An id is null or empty, an option breaks the protocol's limits (a number outside its range, NaN or infinity, too many tools, an invalid function name), or <see cref="RunCreationOptions.ToolResources"/> is set.</exception>
    /// <exception cref="ActiveRunException">The thread already has an active run.</exception>
    /// <exception cref="AssistantsApiException">The server refused the request.</exception>
    public virtual Task<ThreadRun> CreateAsync(string threadId, string assistantId, RunCreationOptions? options = null, CancellationToken cancellationToken = default)
        => _pipeline.SendJsonAsync(ApiOperations.CreateRun, BuildCreateRunRequest(threadId, assistantId, options, stream: false), AssistantsJsonContext.Default.ThreadRun, cancellationToken);

    /// <summary>Creates a thread and starts a run on it in one call. The call is not retried once sent.</summary>
    /// <param name="assistantId">The assistant that executes the run.</param>
    /// <param name="threadOptions">The new thread: its messages, tool resources and metadata.</param>
    /// <param name="runOptions">Overrides for this run; <c>additional_instructions</c>, <c>additional_messages</c> and <c>include[]</c> are not accepted here.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new run; <see cref="ThreadRun.ThreadId"/> names the new thread.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="assistantId"/> is null or empty, an option breaks the protocol's limits, or a run option this operation does not accept is set.</exception>
    /// <exception cref="AssistantsApiException">The server refused the request.</exception>
    public virtual Task<ThreadRun> CreateThreadAndRunAsync(string assistantId, ThreadCreationOptions? threadOptions = null, RunCreationOptions? runOptions = null, CancellationToken cancellationToken = default)
        => _pipeline.SendJsonAsync(ApiOperations.CreateThreadAndRun, BuildCreateThreadAndRunRequest(assistantId, threadOptions, runOptions, stream: false), AssistantsJsonContext.Default.ThreadRun, cancellationToken);

    /// <summary>Retrieves a run.</summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="runId">The run id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run.</returns>
    /// <exception cref="System.ArgumentException">An id is null or empty.</exception>
    /// <exception cref="ResourceNotFoundException">No such thread or run.</exception>
    public virtual Task<ThreadRun> GetAsync(string threadId, string runId, CancellationToken cancellationToken = default)
    {
        Argument.Id(threadId, nameof(threadId));
        Argument.Id(runId, nameof(runId));
        return _pipeline.CallAsync(ApiOperations.GetRun, RunPath(threadId, runId), null, AssistantsJsonContext.Default.ThreadRun, cancellationToken);
    }

    /// <summary>Changes a run's metadata.</summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="runId">The run id.</param>
    /// <param name="options">The changes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The changed run.</returns>
    /// <exception cref="System.ArgumentException">An id is null or empty, or the metadata breaks the protocol's limits.</exception>
    /// <exception cref="System.ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ResourceNotFoundException">No such thread or run.</exception>
    public virtual Task<ThreadRun> ModifyAsync(string threadId, string runId, RunModificationOptions options, CancellationToken cancellationToken = default)
    {
        Argument.Id(threadId, nameof(threadId));
        Argument.Id(runId, nameof(runId));
        Argument.NotNull(options, nameof(options));
        Argument.Metadata(options.Metadata, "options.Metadata");
        HttpContent content = ClientPipeline.JsonContent(options, AssistantsJsonContext.Default.RunModificationOptions);
        return _pipeline.CallAsync(ApiOperations.ModifyRun, RunPath(threadId, runId), content, AssistantsJsonContext.Default.ThreadRun, cancellationToken);
    }

    /// <summary>Lists the runs of a thread, page by page as the caller enumerates.</summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="options">The page size, order and cursors.</param>
    /// <param name="cancellationToken">Cancels every page request.</param>
    /// <returns>The runs, as items or as pages.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="threadId"/> is null or empty.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException">The limit is outside 1 to 100.</exception>
    public virtual AsyncPageable<ThreadRun> ListAsync(string threadId, RunCollectionOptions? options = null, CancellationToken cancellationToken = default)
    {
        Argument.Id(threadId, nameof(threadId));
        return PageBuilder.Create(_pipeline, ApiOperations.ListRuns, RunsPath(threadId), options, AssistantsJsonContext.Default.ListResponseThreadRun, r => r.Id, cancellationToken);
    }

    /// <summary>Asks the server to cancel a run; it passes through <c>cancelling</c> before <c>cancelled</c>.</summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="runId">The run id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run, usually <c>cancelling</c>.</returns>
    /// <exception cref="System.ArgumentException">An id is null or empty.</exception>
    /// <exception cref="ResourceNotFoundException">No such thread or run.</exception>
    /// <exception cref="AssistantsApiException">The server refused, for example because the run has already ended.</exception>
    public virtual Task<ThreadRun> CancelAsync(string threadId, string runId, CancellationToken cancellationToken = default)
    {
        Argument.Id(threadId, nameof(threadId));
        Argument.Id(runId, nameof(runId));
        return _pipeline.CallAsync(ApiOperations.CancelRun, RunPath(threadId, runId) + "/cancel", null, AssistantsJsonContext.Default.ThreadRun, cancellationToken);
    }

    /// <summary>Answers the tool calls of a <c>requires_action</c> run so it continues. The call is not retried once sent.</summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="runId">The run id.</param>
    /// <param name="toolOutputs">One output per <see cref="RequiredToolCall"/>, each with its <see cref="ToolOutput.ToolCallId"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run, usually <c>queued</c> again.</returns>
    /// <exception cref="System.ArgumentException">An id is null or empty, or an output is null or lacks its tool call id.</exception>
    /// <exception cref="System.ArgumentNullException"><paramref name="toolOutputs"/> is null.</exception>
    /// <exception cref="AssistantsApiException">The server refused, for example because the run is not waiting for tool outputs.</exception>
    public virtual Task<ThreadRun> SubmitToolOutputsAsync(string threadId, string runId, IEnumerable<ToolOutput> toolOutputs, CancellationToken cancellationToken = default)
        => _pipeline.SendJsonAsync(ApiOperations.SubmitToolOutputs, BuildSubmitToolOutputsRequest(threadId, runId, toolOutputs, stream: false), AssistantsJsonContext.Default.ThreadRun, cancellationToken);
}
