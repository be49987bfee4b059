using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Client.Internal;
using Assistants.Client.Serialization;

namespace Assistants.Client;

/// <summary>Creates, reads, changes and deletes threads, and starts a thread and its run in one call (<c>/threads</c>).</summary>
public partial class ThreadsClient
{
    private readonly ClientPipeline _pipeline;

    /// <summary>Initializes a client for mocking; its methods must be overridden.</summary>
    protected ThreadsClient()
    {
        _pipeline = null!;
    }

    internal ThreadsClient(ClientPipeline pipeline) => _pipeline = pipeline;

    /// <summary>Creates a thread, empty or with its first messages.</summary>
    /// <param name="options">The thread's first messages, tool resources and metadata.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new thread.</returns>
    /// <exception cref="System.ArgumentException">A message is null, or an option of the thread or of a message breaks the protocol's limits (metadata, tool resources).</exception>
    /// <exception cref="AssistantsApiException">The server refused the request.</exception>
    public virtual Task<AssistantThread> CreateAsync(ThreadCreationOptions? options = null, CancellationToken cancellationToken = default)
    {
        OptionsValidation.Thread(options, nameof(options));
        HttpContent content = RequestBody.Create(options, AssistantsJsonContext.Default.ThreadCreationOptions);
        return _pipeline.CallAsync(ApiOperations.CreateThread, "threads", content, AssistantsJsonContext.Default.AssistantThread, cancellationToken);
    }

    /// <summary>Retrieves a thread.</summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The thread.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="threadId"/> is null or empty.</exception>
    /// <exception cref="ResourceNotFoundException">No thread has this id.</exception>
    public virtual Task<AssistantThread> GetAsync(string threadId, CancellationToken cancellationToken = default)
    {
        Argument.Id(threadId, nameof(threadId));
        return _pipeline.CallAsync(ApiOperations.GetThread, ThreadPath(threadId), null, AssistantsJsonContext.Default.AssistantThread, cancellationToken);
    }

    /// <summary>Changes a thread's tool resources or metadata; properties left <c>null</c> keep their value.</summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="options">The changes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The changed thread.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="threadId"/> is null or empty, <paramref name="options"/> is null, or the metadata or tool resources break the protocol's limits.</exception>
    /// <exception cref="ResourceNotFoundException">No thread has this id.</exception>
    public virtual Task<AssistantThread> ModifyAsync(string threadId, ThreadModificationOptions options, CancellationToken cancellationToken = default)
    {
        Argument.Id(threadId, nameof(threadId));
        Argument.NotNull(options, nameof(options));
        OptionsValidation.Thread(options, nameof(options));
        HttpContent content = ClientPipeline.JsonContent(options, AssistantsJsonContext.Default.ThreadModificationOptions);
        return _pipeline.CallAsync(ApiOperations.ModifyThread, ThreadPath(threadId), content, AssistantsJsonContext.Default.AssistantThread, cancellationToken);
    }

    /// <summary>Deletes a thread and its messages.</summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The deletion result.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="threadId"/> is null or empty.</exception>
    /// <exception cref="ResourceNotFoundException">No thread has this id.</exception>
    public virtual Task<DeletionResult> DeleteAsync(string threadId, CancellationToken cancellationToken = default)
    {
        Argument.Id(threadId, nameof(threadId));
        return _pipeline.CallAsync(ApiOperations.DeleteThread, ThreadPath(threadId), null, AssistantsJsonContext.Default.DeletionResult, cancellationToken);
    }

    /// <summary>
    /// Lists threads (<c>GET /threads</c>), page by page as the caller enumerates. Not part of OpenAI's protocol: served by
    /// Microsoft Foundry classic agents (<see cref="ServerProfile.Foundry(string, string)"/>) and tried by
    /// <see cref="ServerProfile.Custom"/>; the other profiles raise <see cref="OperationNotSupportedException"/> before sending.
    /// </summary>
    /// <param name="options">The page size, order and cursors.</param>
    /// <param name="cancellationToken">Cancels every page request.</param>
    /// <returns>The threads, as items or as pages.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException">The limit is outside 1 to 100.</exception>
    /// <exception cref="OperationNotSupportedException">The server profile does not serve it, or the server has no such route.</exception>
    public virtual AsyncPageable<AssistantThread> ListAsync(ThreadCollectionOptions? options = null, CancellationToken cancellationToken = default)
        => PageBuilder.Create(_pipeline, ApiOperations.ListThreads, "threads", options, AssistantsJsonContext.Default.ListResponseAssistantThread, t => t.Id, cancellationToken);

    private static string ThreadPath(string threadId) => "threads/" + PathSegment.Escape(threadId);
}
