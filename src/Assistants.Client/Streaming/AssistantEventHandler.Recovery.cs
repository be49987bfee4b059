using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Client.Internal;

namespace Assistants.Client;

/// <summary>
/// Stream recovery: after a break, the run is polled until it pauses or ends, and what the stream did not deliver is
/// replayed from the server's state through the same dispatch, so snapshots and callbacks come out as from the stream.
/// </summary>
public abstract partial class AssistantEventHandler
{
    private async Task RecoverAsync(RunStream stream, Exception? cause, RunPollingOptions? polling, CancellationToken cancellationToken)
    {
        ClientPipeline pipeline = stream.Pipeline!;
        string threadId = stream.ThreadId
            ?? throw StreamEndedEarlyException.Unrecoverable(cause, "a create-thread-and-run stream ended before its 'thread.created' event, so the new thread and its run are unknown. The thread may exist on the server; list your threads or retry the call");
        RunsClient runs = new(pipeline);
        ThreadRun? run = null;
        try
        {
            if (stream.RunId is { } runId)
            {
                run = await runs.GetAsync(threadId, runId, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                // Cut before any run event: the run the request started is the thread's newest.
                RunCollectionOptions newest = new() { Limit = 1, Order = ListOrder.Descending };
                Page<ThreadRun> page = await runs.ListAsync(threadId, newest, cancellationToken).GetFirstPageAsync(cancellationToken).ConfigureAwait(false);
                run = page.Items.Count > 0 ? page.Items[0] : throw StreamEndedEarlyException.Unrecoverable(cause, "the stream ended before any event named the run, and thread " + threadId + " has no run");
            }

            stream.Adopt(run);
            RunWaiter waiter = new(runs, polling ?? RunPollingOptions.Default, pipeline);
            run = await waiter.WaitAsync(run, RunWaiter.UntilActionOrEnd, cancellationToken).ConfigureAwait(false);
            stream.Adopt(run);
            IsRecovering = true;
            RecoveredStreams++;
            await OnStreamRecoveredAsync(new StreamRecoveryInfo(cause, run), cancellationToken).ConfigureAwait(false);
            await ReplayAsync(pipeline, threadId, run, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (_callbackFailed || (ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            // The caller left during the recovery: the same as leaving the stream.
            await stream.CancelAbandonedRecoveryAsync(run).ConfigureAwait(false);
            throw;
        }
        finally
        {
            IsRecovering = false;
        }
    }

    private async Task ReplayAsync(ClientPipeline pipeline, string threadId, ThreadRun run, CancellationToken cancellationToken)
    {
        RunStepCollectionOptions order = new() { Order = ListOrder.Ascending };
        List<RunStep> steps = new();
        await foreach (RunStep step in new RunStepsClient(pipeline).ListAsync(threadId, run.Id, order, cancellationToken).ConfigureAwait(false))
        {
            steps.Add(step);
        }

        MessagesClient messages = new(pipeline);
        foreach (RunStep step in steps)
        {
            await ReplayStepAsync(messages, threadId, step, cancellationToken).ConfigureAwait(false);
        }

        StreamingEventType type = RunUpdate.ForStatus(run.Status) is { } byStatus && byStatus != default ? byStatus : StreamingEventType.RunInProgress;
        await DispatchAsync(new RunUpdate(type, run, isRetrieved: true), cancellationToken).ConfigureAwait(false);
    }

    private async Task ReplayStepAsync(MessagesClient messages, string threadId, RunStep step, CancellationToken cancellationToken)
    {
        bool ended = IsEnded(step.Status);
        if (ended && _finalSteps.Exists(s => s.Id == step.Id))
        {
            return;
        }

        if (!_steps.ContainsKey(step.Id))
        {
            // Announce it as the stream would have: in progress, its tool calls still to come as deltas.
            RunStepDetails? details = step.Details is RunStepToolCallDetails ? new RunStepToolCallDetails { ToolCalls = Array.Empty<RunStepToolCall>() } : step.Details;
            await DispatchAsync(new RunStepUpdate(StreamingEventType.RunStepCreated, Snapshots.WithDetails(step, details, RunStepStatus.InProgress)), cancellationToken).ConfigureAwait(false);
        }

        if (step.Details is RunStepMessageCreationDetails { MessageId: { } messageId })
        {
            await ReplayMessageAsync(messages, threadId, messageId, ended ? step : null, cancellationToken).ConfigureAwait(false);
        }
        else if (step.Details is RunStepToolCallDetails { ToolCalls: { } calls })
        {
            await ReplayFunctionArgumentsAsync(step.Id, calls, cancellationToken).ConfigureAwait(false);
        }

        if (ended)
        {
            StreamingEventType type = step.Status == RunStepStatus.Completed ? StreamingEventType.RunStepCompleted
                : step.Status == RunStepStatus.Failed ? StreamingEventType.RunStepFailed
                : step.Status == RunStepStatus.Cancelled ? StreamingEventType.RunStepCancelled
                : StreamingEventType.RunStepExpired;
            await DispatchAsync(new RunStepUpdate(type, step), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends each function call's arguments not yet delivered as deltas (a call not seen at all gets its first delta too).</summary>
    private async Task ReplayFunctionArgumentsAsync(string stepId, IReadOnlyList<RunStepToolCall> calls, CancellationToken cancellationToken)
    {
        RunStepSnapshotBuilder builder = _steps[stepId];
        for (int i = 0; i < calls.Count; i++)
        {
            if (calls[i] is not RunStepFunctionToolCall { Function: { } function } call)
            {
                continue;
            }

            string full = function.Arguments ?? string.Empty;
            string delivered;
            if (builder.HasCall(i))
            {
                delivered = builder.Call(i).Arguments;
            }
            else
            {
                RunStepFunctionToolCallDelta first = new() { Index = i, Id = call.Id, Function = new RunStepFunctionDelta { Name = function.Name, Arguments = string.Empty } };
                await DispatchAsync(new RunStepDeltaUpdate(stepId, first), cancellationToken).ConfigureAwait(false);
                delivered = string.Empty;
            }

            if (full.Length > delivered.Length && full.StartsWith(delivered, StringComparison.Ordinal))
            {
                RunStepFunctionToolCallDelta rest = new() { Index = i, Function = new RunStepFunctionDelta { Arguments = full.Substring(delivered.Length) } };
                await DispatchAsync(new RunStepDeltaUpdate(stepId, rest), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Sends the message's text not yet delivered as text deltas, then its completion.</summary>
    /// <remarks>A retrieved message usually lacks <c>status</c> (streamed events carry it): the ended step that created it says it completed.</remarks>
    private async Task ReplayMessageAsync(MessagesClient messages, string threadId, string messageId, RunStep? endedStep, CancellationToken cancellationToken)
    {
        if (_finalMessages.Exists(m => m.Id == messageId))
        {
            return;
        }

        ThreadMessage message = await messages.GetAsync(threadId, messageId, cancellationToken).ConfigureAwait(false);
        if (!_messages.TryGetValue(messageId, out MessageSnapshotBuilder? builder))
        {
            await DispatchAsync(new MessageUpdate(StreamingEventType.MessageCreated, Snapshots.WithContent(message, Array.Empty<MessageContent>())), cancellationToken).ConfigureAwait(false);
            builder = _messages[messageId];
        }

        IReadOnlyList<MessageContent> content = message.Content ?? Array.Empty<MessageContent>();
        for (int i = 0; i < content.Count; i++)
        {
            if (content[i] is not MessageTextContent { Text.Value: { Length: > 0 } full })
            {
                continue;
            }

            string delivered = builder.TextAt(i) ?? string.Empty;
            if (full.Length > delivered.Length && full.StartsWith(delivered, StringComparison.Ordinal))
            {
                await DispatchAsync(new MessageDeltaUpdate(messageId, i, full.Substring(delivered.Length), emptyAnnotations: false), cancellationToken).ConfigureAwait(false);
            }
        }

        if (message.Status is null && endedStep?.Status == RunStepStatus.Completed)
        {
            message = Snapshots.WithContent(message, content, MessageStatus.Completed, endedStep.CompletedAt);
        }

        if (message.Status == MessageStatus.Completed || message.Status == MessageStatus.Incomplete)
        {
            StreamingEventType type = message.Status == MessageStatus.Completed ? StreamingEventType.MessageCompleted : StreamingEventType.MessageIncomplete;
            await DispatchAsync(new MessageUpdate(type, message), cancellationToken).ConfigureAwait(false);
        }
    }
}
