using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Client.Internal;
using Assistants.Client.Serialization;

namespace Assistants.Client;

/// <summary>Adds, reads, changes, deletes and lists the messages of a thread (<c>/threads/{thread_id}/messages</c>).</summary>
public partial class MessagesClient
{
    private readonly ClientPipeline _pipeline;

    /// <summary>Initializes a client for mocking; its methods must be overridden.</summary>
    protected MessagesClient()
    {
        _pipeline = null!;
    }

    internal MessagesClient(ClientPipeline pipeline) => _pipeline = pipeline;

    /// <summary>Adds a text message to a thread.</summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="role">The author of the message.</param>
    /// <param name="text">The text, sent as a plain string.</param>
    /// <param name="options">The attachments and metadata.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new message.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="threadId"/> is null or empty, <paramref name="text"/> is null, or the metadata breaks the protocol's limits.</exception>
    /// <exception cref="ActiveRunException">The thread has a run in progress.</exception>
    /// <exception cref="AssistantsApiException">The server refused the request.</exception>
    /// <remarks>Not retried once the request may have reached the server, so a message is never added twice.</remarks>
    public virtual Task<ThreadMessage> CreateAsync(string threadId, MessageRole role, string text, MessageCreationOptions? options = null, CancellationToken cancellationToken = default)
    {
        Argument.NotNull(text, nameof(text));
        return CreateCoreAsync(threadId, role, new[] { MessageContentPart.CreateText(text) }, options, cancellationToken);
    }

    /// <summary>Adds a message made of content parts (text and images) to a thread.</summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="role">The author of the message.</param>
    /// <param name="parts">The content parts; one plain text part is sent as a bare string.</param>
    /// <param name="options">The attachments and metadata.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new message.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="threadId"/> is null or empty, <paramref name="parts"/> is null, empty or holds a null part, or the metadata breaks the protocol's limits.</exception>
    /// <exception cref="ActiveRunException">The thread has a run in progress.</exception>
    /// <exception cref="AssistantsApiException">The server refused the request.</exception>
    /// <remarks>Not retried once the request may have reached the server, so a message is never added twice.</remarks>
    public virtual Task<ThreadMessage> CreateAsync(string threadId, MessageRole role, IEnumerable<MessageContentPart> parts, MessageCreationOptions? options = null, CancellationToken cancellationToken = default)
    {
        Argument.NotNull(parts, nameof(parts));
        return CreateCoreAsync(threadId, role, new List<MessageContentPart>(parts), options, cancellationToken);
    }

    /// <summary>Retrieves a message.</summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="messageId">The message id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The message.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="threadId"/> or <paramref name="messageId"/> is null or empty.</exception>
    /// <exception cref="ResourceNotFoundException">No such thread or message.</exception>
    public virtual Task<ThreadMessage> GetAsync(string threadId, string messageId, CancellationToken cancellationToken = default)
    {
        Argument.Id(threadId, nameof(threadId));
        Argument.Id(messageId, nameof(messageId));
        return _pipeline.CallAsync(ApiOperations.GetMessage, MessagePath(threadId, messageId), null, AssistantsJsonContext.Default.ThreadMessage, cancellationToken);
    }

    /// <summary>Changes a message's metadata.</summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="messageId">The message id.</param>
    /// <param name="options">The changes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The changed message.</returns>
    /// <exception cref="System.ArgumentException">An id is null or empty, <paramref name="options"/> is null, or the metadata breaks the protocol's limits.</exception>
    /// <exception cref="ResourceNotFoundException">No such thread or message.</exception>
    public virtual Task<ThreadMessage> ModifyAsync(string threadId, string messageId, MessageModificationOptions options, CancellationToken cancellationToken = default)
    {
        Argument.Id(threadId, nameof(threadId));
        Argument.Id(messageId, nameof(messageId));
        Argument.NotNull(options, nameof(options));
        Argument.Metadata(options.Metadata, "options.Metadata");
        HttpContent content = ClientPipeline.JsonContent(options, AssistantsJsonContext.Default.MessageModificationOptions);
        return _pipeline.CallAsync(ApiOperations.ModifyMessage, MessagePath(threadId, messageId), content, AssistantsJsonContext.Default.ThreadMessage, cancellationToken);
    }

    /// <summary>Deletes a message.</summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="messageId">The message id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The deletion result.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="threadId"/> or <paramref name="messageId"/> is null or empty.</exception>
    /// <exception cref="ResourceNotFoundException">No such thread or message.</exception>
    public virtual Task<DeletionResult> DeleteAsync(string threadId, string messageId, CancellationToken cancellationToken = default)
    {
        Argument.Id(threadId, nameof(threadId));
        Argument.Id(messageId, nameof(messageId));
        return _pipeline.CallAsync(ApiOperations.DeleteMessage, MessagePath(threadId, messageId), null, AssistantsJsonContext.Default.DeletionResult, cancellationToken);
    }

    /// <summary>Lists the messages of a thread, page by page as the caller enumerates.</summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="options">The page size, order, cursors and the run to filter by.</param>
    /// <param name="cancellationToken">Cancels every page request.</param>
    /// <returns>The messages, as items or as pages.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="threadId"/> is null or empty.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException">The limit is outside 1 to 100.</exception>
    public virtual AsyncPageable<ThreadMessage> ListAsync(string threadId, MessageCollectionOptions? options = null, CancellationToken cancellationToken = default)
    {
        Argument.Id(threadId, nameof(threadId));
        string? runId = options?.RunId;
        return PageBuilder.Create(
            _pipeline,
            ApiOperations.ListMessages,
            MessagesPath(threadId),
            options,
            AssistantsJsonContext.Default.ListResponseThreadMessage,
            m => m.Id,
            cancellationToken,
            q => q.Add("run_id", runId));
    }

    private static string MessagesPath(string threadId) => "threads/" + PathSegment.Escape(threadId) + "/messages";

    private static string MessagePath(string threadId, string messageId) => MessagesPath(threadId) + "/" + PathSegment.Escape(messageId);

    private Task<ThreadMessage> CreateCoreAsync(string threadId, MessageRole role, IList<MessageContentPart> parts, MessageCreationOptions? options, CancellationToken cancellationToken)
    {
        Argument.Id(threadId, nameof(threadId));
        MessageValidation.Parts(parts, nameof(parts));
        MessageValidation.Options(options, nameof(options));
        HttpContent content = RequestBody.Create(options, AssistantsJsonContext.Default.MessageCreationOptions, w => WriteRoleAndContent(w, role, parts));
        return _pipeline.CallAsync(ApiOperations.CreateMessage, MessagesPath(threadId), content, AssistantsJsonContext.Default.ThreadMessage, cancellationToken);
    }

    private static void WriteRoleAndContent(Utf8JsonWriter writer, MessageRole role, IList<MessageContentPart> parts)
    {
        writer.WriteString("role", role.ToString());
        writer.WritePropertyName("content");
        MessageContentPartListConverter.WriteContent(writer, parts);
    }
}
