using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Client.Internal;

namespace Assistants.Client;

/// <summary>
/// How each event updates the snapshots and which callbacks it raises. Every step is an <c>async ValueTask</c> that
/// completes synchronously while the callbacks do, so an event costs no task allocation unless a callback awaits.
/// </summary>
public abstract partial class AssistantEventHandler
{
    private async ValueTask DispatchAsync(StreamingUpdate update, CancellationToken cancellationToken)
    {
        try
        {
            await OnEventAsync(update, cancellationToken).ConfigureAwait(false);
            switch (update)
            {
                case MessageDeltaUpdate delta:
                    await HandleMessageDeltaAsync(delta, cancellationToken).ConfigureAwait(false);
                    break;
                case RunStepDeltaUpdate delta:
                    await HandleRunStepDeltaAsync(delta, cancellationToken).ConfigureAwait(false);
                    break;
                case RunUpdate run:
                    await HandleRunAsync(run.Run, cancellationToken).ConfigureAwait(false);
                    break;
                case RunStepUpdate step:
                    await HandleRunStepAsync(step, cancellationToken).ConfigureAwait(false);
                    break;
                case MessageUpdate message:
                    await HandleMessageAsync(message, cancellationToken).ConfigureAwait(false);
                    break;
                case ThreadCreatedUpdate thread:
                    CurrentThread = thread.Thread;
                    break;
                case UnknownStreamingUpdate unknown:
                    await OnUnknownEventAsync(unknown, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
        catch
        {
            // The caller's code failed (or honoured its token): a recovery in progress treats it as an abandon.
            _callbackFailed = true;
            throw;
        }
    }

    private async ValueTask HandleRunAsync(ThreadRun run, CancellationToken cancellationToken)
    {
        bool changed = CurrentRun is null || CurrentRun.Status != run.Status;
        CurrentRun = run;
        if (run.Status == RunStatus.RequiresAction || run.Status?.IsTerminal == true)
        {
            await CloseOpenToolCallsAsync(cancellationToken).ConfigureAwait(false);
        }

        if (run.Status?.IsTerminal == true)
        {
            FinalRun = run;
        }

        if (changed)
        {
            await OnRunStatusChangedAsync(run, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask HandleRunStepAsync(RunStepUpdate update, CancellationToken cancellationToken)
    {
        RunStep step = update.RunStep;
        bool created = !_steps.TryGetValue(step.Id, out RunStepSnapshotBuilder? builder);
        if (created)
        {
            builder = new RunStepSnapshotBuilder(step);
            _steps[step.Id] = builder;
        }

        _currentStep = builder;
        if (IsEnded(step.Status))
        {
            // The final step carries the calls in full (with outputs); close any still open with that content.
            builder!.Reset(step);
            await CloseOpenToolCallsAsync(builder, cancellationToken).ConfigureAwait(false);
            _finalSteps.RemoveAll(s => s.Id == step.Id);
            _finalSteps.Add(step);
            await OnRunStepDoneAsync(step, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (created || update.EventType == StreamingEventType.RunStepCreated)
        {
            await OnRunStepCreatedAsync(step, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsEnded(RunStepStatus? status)
        => status == RunStepStatus.Completed || status == RunStepStatus.Failed
            || status == RunStepStatus.Cancelled || status == RunStepStatus.Expired;

    private async ValueTask HandleRunStepDeltaAsync(RunStepDeltaUpdate update, CancellationToken cancellationToken)
    {
        string id = update.RunStepId ?? _currentStep?.Id ?? string.Empty;
        if (!_steps.TryGetValue(id, out RunStepSnapshotBuilder? builder))
        {
            builder = new RunStepSnapshotBuilder(new RunStep { Id = id });
            _steps[id] = builder;
        }

        _currentStep = builder;
        if (update.TryGetFastCall(out RunStepToolCallDelta fast))
        {
            // The common event, one function call fragment: no list, no model of the whole delta.
            bool created = await ApplyToolCallAsync(builder, fast, cancellationToken).ConfigureAwait(false);
            await OnRunStepDeltaAsync(update, cancellationToken).ConfigureAwait(false);
            await RaiseToolCallAsync(builder, fast, created, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (update.Delta.Delta?.StepDetails is not RunStepToolCallsDeltaDetails { ToolCalls: { } toolCalls })
        {
            await OnRunStepDeltaAsync(update, cancellationToken).ConfigureAwait(false);
            return;
        }

        List<(RunStepToolCallDelta Delta, bool Created)> calls = new(toolCalls.Count);
        foreach (RunStepToolCallDelta call in toolCalls)
        {
            calls.Add((call, await ApplyToolCallAsync(builder, call, cancellationToken).ConfigureAwait(false)));
        }

        await OnRunStepDeltaAsync(update, cancellationToken).ConfigureAwait(false);
        foreach ((RunStepToolCallDelta call, bool created) in calls)
        {
            await RaiseToolCallAsync(builder, call, created, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask<bool> ApplyToolCallAsync(RunStepSnapshotBuilder builder, RunStepToolCallDelta call, CancellationToken cancellationToken)
    {
        int previous = builder.CurrentCallIndex;
        bool created = builder.Apply(call);
        if (created && previous >= 0 && previous != call.Index)
        {
            await CloseToolCallAsync(builder, previous, cancellationToken).ConfigureAwait(false);
        }

        return created;
    }

    private ValueTask RaiseToolCallAsync(RunStepSnapshotBuilder builder, RunStepToolCallDelta call, bool created, CancellationToken cancellationToken)
        => created
            ? OnToolCallCreatedAsync(builder.BuildCall(call.Index), cancellationToken)
            : OnToolCallDeltaAsync(call, builder.Call(call.Index), cancellationToken);

    private async ValueTask CloseOpenToolCallsAsync(CancellationToken cancellationToken)
    {
        foreach (RunStepSnapshotBuilder builder in new List<RunStepSnapshotBuilder>(_steps.Values))
        {
            await CloseOpenToolCallsAsync(builder, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask CloseOpenToolCallsAsync(RunStepSnapshotBuilder builder, CancellationToken cancellationToken)
    {
        foreach (int index in new List<int>(builder.CallIndexes))
        {
            await CloseToolCallAsync(builder, index, cancellationToken).ConfigureAwait(false);
        }
    }

    private ValueTask CloseToolCallAsync(RunStepSnapshotBuilder builder, int index, CancellationToken cancellationToken)
        => builder.DoneCalls.Add(index) ? OnToolCallDoneAsync(builder.BuildCall(index), cancellationToken) : default;
}
