using Assistants.Client.Internal;
using Microsoft.Extensions.AI;

namespace Assistants.Client;

/// <summary>An assistant as a Microsoft.Extensions.AI <see cref="IChatClient"/>.</summary>
public static class AssistantsChatClientExtensions
{
    /// <summary>
    /// Gets an <see cref="IChatClient"/> that answers with the assistant <paramref name="assistantId"/>, so the assistant
    /// can be used wherever .NET code takes an <see cref="IChatClient"/> (including <c>FunctionInvokingChatClient</c>).
    /// </summary>
    /// <remarks>
    /// <para>The conversation is a thread: <see cref="ChatOptions.ConversationId"/> (else <paramref name="threadId"/>)
    /// names it, and a call without either starts a new thread, whose id is the response's
    /// <see cref="ChatResponse.ConversationId"/>. The thread keeps the history, so pass only the new messages.</para>
    /// <para>Each call adds its user and assistant messages to the thread and streams a run of the assistant (also for
    /// <see cref="IChatClient.GetResponseAsync"/>); the response id and message id are the run id, and
    /// <see cref="ChatResponse.RawRepresentation"/> is the final <see cref="ThreadRun"/> (each update's is its
    /// <see cref="StreamingUpdate"/>). System and developer messages and <see cref="ChatOptions.Instructions"/> become
    /// the run's <c>additional_instructions</c>; <see cref="ChatOptions.ModelId"/>, <see cref="ChatOptions.Temperature"/>,
    /// <see cref="ChatOptions.TopP"/>, <see cref="ChatOptions.MaxOutputTokens"/> (<c>max_completion_tokens</c>),
    /// <see cref="ChatOptions.Tools"/> (added to the assistant's), <see cref="ChatOptions.ToolMode"/>,
    /// <see cref="ChatOptions.ResponseFormat"/> and <see cref="ChatOptions.AllowMultipleToolCalls"/> override the
    /// assistant's for that run; <see cref="ChatOptions.RawRepresentationFactory"/> may return a
    /// <see cref="RunCreationOptions"/> to start from.</para>
    /// <para>A run that needs its functions called ends the response with <see cref="FunctionCallContent"/>s; the
    /// <see cref="FunctionResultContent"/>s of the next call are submitted as that run's tool outputs. A new message
    /// while a run still waits cancels that run. A run that fails or expires raises <see cref="RunFailedException"/>;
    /// content with no counterpart in the protocol raises <see cref="System.NotSupportedException"/>.</para>
    /// </remarks>
    /// <param name="client">The client of the server the assistant lives on; it stays the caller's to dispose.</param>
    /// <param name="assistantId">The assistant's id.</param>
    /// <param name="threadId">The thread used when a call's options name none; <c>null</c> to start a new thread on such a call.</param>
    /// <returns>The chat client.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="client"/> is null.</exception>
    /// <exception cref="System.ArgumentException"><paramref name="assistantId"/> or a given <paramref name="threadId"/> is empty.</exception>
    public static IChatClient AsIChatClient(this AssistantsApiClient client, string assistantId, string? threadId = null)
    {
        Argument.NotNull(client, nameof(client));
        Argument.Id(assistantId, nameof(assistantId));
        if (threadId is not null)
        {
            Argument.Id(threadId, nameof(threadId));
        }

        return new AssistantsChatClient(client, assistantId, threadId);
    }
}
