using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace Assistants.Client.Internal;

/// <summary>
/// An assistant as an <see cref="IChatClient"/> (made by <see cref="AssistantsChatClientExtensions.AsIChatClient"/>):
/// the conversation is a thread, each call adds its new messages and runs the assistant on the thread, and function
/// results answer the run that asked for them. Both calls stream the run underneath (one request per round).
/// </summary>
internal sealed partial class AssistantsChatClient : IChatClient
{
    private readonly AssistantsApiClient _client;
    private readonly string _assistantId;
    private readonly string? _defaultThreadId;
    private readonly ChatClientMetadata _metadata;

    // The assistant's own tools, read once when ChatOptions.Tools first asks to add to them (a run's tools replace the assistant's).
    private IReadOnlyList<ToolDefinition>? _assistantTools;

    public AssistantsChatClient(AssistantsApiClient client, string assistantId, string? defaultThreadId)
    {
        _client = client;
        _assistantId = assistantId;
        _defaultThreadId = defaultThreadId;
        _metadata = new ChatClientMetadata("assistants", client.Pipeline?.Options.BaseUrl);
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Argument.NotNull(messages, nameof(messages));
        RunOutcome outcome = new();
        ChatResponse response = await RunAsync(messages, options, outcome, cancellationToken).ToChatResponseAsync(cancellationToken).ConfigureAwait(false);
        response.RawRepresentation = outcome.Run;
        response.ConversationId ??= outcome.ThreadId;
        return response;
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Argument.NotNull(messages, nameof(messages));
        return RunAsync(messages, options, new RunOutcome(), cancellationToken);
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        Argument.NotNull(serviceType, nameof(serviceType));
        return serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? _metadata
            : serviceType.IsInstanceOfType(_client) ? _client
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <summary>Nothing to release: the <see cref="AssistantsApiClient"/> belongs to the caller.</summary>
    public void Dispose()
    {
    }

    /// <summary>What a finished run left behind, for <see cref="GetResponseAsync"/>.</summary>
    private sealed class RunOutcome
    {
        public ThreadRun? Run { get; set; }

        public string? ThreadId { get; set; }
    }
}
