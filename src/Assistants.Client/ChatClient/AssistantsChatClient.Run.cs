using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Client.Telemetry;
using Microsoft.Extensions.AI;

namespace Assistants.Client.Internal;

/// <summary>One call: its run, from the request that starts (or resumes) it to the stream's last event.</summary>
internal sealed partial class AssistantsChatClient
{
    /// <summary>
    /// The one place a run's lifetime passes through in the bridge: it starts in <see cref="StartRunAsync"/> (a new
    /// run, or tool outputs that resume a waiting one) and ends when this method returns or throws (the run completed,
    /// waits for tool outputs, failed, or the caller left and the run was cancelled): the call's <c>invoke_agent</c> span.
    /// </summary>
    private async IAsyncEnumerable<ChatResponseUpdate> RunAsync(IEnumerable<ChatMessage> messages, ChatOptions? options, RunOutcome outcome, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ChatRequest request = ChatRequestReader.Read(messages, options);
        string? threadId = options?.ConversationId ?? _defaultThreadId;

        // The call's invoke_agent: the stream (and the thread it may create first) joins it instead of starting its own.
        using InvokeAgentScope telemetry = AgentTelemetry.StartInvokeAgent(_client.Pipeline, _assistantId, threadId, request.ToolRunId, options?.ModelId);
        RunStream stream;
        try
        {
            stream = await StartRunAsync(request, options, threadId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (telemetry.Fail(ex))
        {
            throw;
        }

        bool ended = false;
        try
        {
            threadId = stream.ThreadId ?? threadId;
            outcome.ThreadId = threadId;
            string? runId = stream.RunId;
            await foreach (StreamingUpdate update in stream.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (update is RunUpdate { Run: { } run })
                {
                    runId ??= run.Id;
                    threadId ??= run.ThreadId;
                    outcome.Run = run;
                    outcome.ThreadId = threadId;
                    if (run.Status == RunStatus.Failed || run.Status == RunStatus.Expired)
                    {
                        // As everywhere in this library: a run that failed is an exception, not an empty answer.
                        throw new RunFailedException(run);
                    }
                }

                yield return ChatUpdateMapper.Map(update, _assistantId, threadId, runId);
            }

            ended = true;
            if (outcome.Run is { } last)
            {
                telemetry.Complete(last);
            }
        }
        finally
        {
            if (!ended)
            {
                // The caller left before the stream ended (or it failed: the stream has recorded its exception first).
                telemetry.Fail(new OperationCanceledException());
            }

            // Releases the response; a run the caller left before it settled is cancelled (RunStream.CancelRunOnAbandon).
            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Submits the function results to the run waiting for them, or adds the new messages and starts a run (on a new thread when there is none).</summary>
    private async Task<RunStream> StartRunAsync(ChatRequest request, ChatOptions? options, string? threadId, CancellationToken cancellationToken)
    {
        if (request.ToolRunId is { } waitingRunId)
        {
            if (threadId is null)
            {
                throw new InvalidOperationException("Function results answer a run on a thread, so the call needs the thread: set ChatOptions.ConversationId to the ConversationId of the response that asked for the calls (FunctionInvokingChatClient does), or create the chat client with a thread id.");
            }

            if (request.Messages.Count > 0)
            {
                throw new NotSupportedException($"Run '{waitingRunId}' waits for its function results, and a thread takes no new message while it has an active run; send the function results alone, then the new messages in the next call.");
            }

            return await _client.Runs.SubmitToolOutputsStreamingAsync(threadId, waitingRunId, request.ToolOutputs, cancellationToken).ConfigureAwait(false);
        }

        RunCreationOptions runOptions = await CreateRunOptionsAsync(request, options, cancellationToken).ConfigureAwait(false);
        threadId ??= (await _client.Threads.CreateAsync(null, cancellationToken).ConfigureAwait(false)).Id;
        try
        {
            return await _client.Runs.CreateStreamingAsync(threadId, _assistantId, runOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (ActiveRunException busy) when (busy.RunId is { Length: > 0 } activeRunId)
        {
            // A run left waiting (function calls never answered) or still going: the new messages replace it, as a
            // new chat turn does. Cancel it, wait until it has ended, and start once more.
            // That run's states are not this call's: wait for it outside the call's invoke_agent.
            AgentRunTelemetry? span = AgentTelemetry.Detach();
            try
            {
                await _client.Runs.CancelIfActiveAsync(threadId, activeRunId, waitUntilEnded: true, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                AgentTelemetry.Reattach(span);
            }

            return await _client.Runs.CreateStreamingAsync(threadId, _assistantId, runOptions, cancellationToken).ConfigureAwait(false);
        }
    }
}
