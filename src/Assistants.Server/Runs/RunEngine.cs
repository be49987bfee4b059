using System.Text.Json.Nodes;
using Assistants.Server.Json;
using Assistants.Server.Search;
using Assistants.Server.Storage;
using Microsoft.Extensions.AI;

namespace Assistants.Server.Runs;

/// <summary>
/// Drives runs through the protocol's lifecycle. State changes happen under the run's thread gate, are reported in
/// the same moment to the run's event stream when a client is streaming it, and are written to the store by
/// <see cref="Commit(RunRecord)"/> before the gate is left.
/// </summary>
internal sealed partial class RunEngine(ServerState state, ActiveRuns active, WorkTracker work, IChatClient model, VectorSearch search, VectorStoreIndexer indexer, AssistantsServerOptions options)
{
    /// <summary>Gets the active run of a thread, or <see langword="null"/> (call under the thread's gate).</summary>
    public RunRecord? ActiveRun(string threadId)
    {
        RunRecord? run = active.OfThread(threadId);
        return run is not null && ExpireIfDue(run) ? null : run;
    }

    /// <summary>Gets the run when it is active (after expiring it if due), otherwise <see langword="null"/> (call under the thread's gate).</summary>
    public RunRecord? Live(string threadId, string runId)
    {
        RunRecord? run = active.Find(threadId, runId);
        return run is not null && ExpireIfDue(run) ? null : run;
    }

    /// <summary>Runs expire lazily: whenever one is looked at after its <c>expires_at</c> (call under the gate).</summary>
    public bool ExpireIfDue(RunRecord run)
    {
        if (!run.IsActive || run.Status == RunStatus.Cancelling || run.Json["expires_at"] is not JsonValue expiresAt
            || state.Now() < expiresAt.GetValue<long>())
        {
            return false;
        }

        run.Status = RunStatus.Expired;
        run.Json["required_action"] = null;
        FinishSteps(run, "expired", null);
        Emit(run, "thread.run.expired", run.Json);
        CloseEvents(run);
        if (run.Processing)
        {
            work.Run(async () => await run.Cancellation.CancelAsync().ConfigureAwait(false));
        }

        Commit(run);
        return true;
    }

    /// <summary>
    /// Writes the run and what changed with it to the store (call under the gate, before leaving it). A run that is
    /// finished leaves the active runs, and once no worker holds it either, drops its reference to the gate.
    /// </summary>
    public void Commit(RunRecord run) => Commit(run, null);

    /// <summary>
    /// <see cref="Commit(RunRecord)"/> with the run already written as UTF-8 (<see cref="EmitRun"/>, with nothing
    /// changed since), so the store does not write it again.
    /// </summary>
    private void Commit(RunRecord run, byte[]? json)
    {
        if (!run.Detached)
        {
            state.Docs.Save(run.TakeChanges(json));
        }

        Settle(run);
    }

    /// <summary>Writes the run as UTF-8 once, sends it as <paramref name="eventName"/> (and <paramref name="secondEvent"/>) when it streams, and returns it for <see cref="Commit(RunRecord, byte[])"/>.</summary>
    private static byte[] EmitRun(RunRecord run, string eventName, string? secondEvent = null)
    {
        byte[] json = JsonNodes.ToUtf8(run.Json);
        run.Events?.Emit(eventName, secondEvent, json);
        return json;
    }

    /// <summary>What <see cref="Commit(RunRecord)"/> does besides writing: a finished run leaves the active runs, and its gate once no worker holds it.</summary>
    private void Settle(RunRecord run)
    {
        if (!run.IsActive)
        {
            active.Remove(run);
        }

        ReleaseIfDone(run);
    }

    /// <summary>Stops storing anything for the run (its thread was deleted, or the server stops) and cancels its work.</summary>
    public void Detach(RunRecord run)
    {
        run.Detached = true;
        active.Remove(run);
        CloseEvents(run);
        if (run.Processing)
        {
            work.Run(async () => await run.Cancellation.CancelAsync().ConfigureAwait(false));
        }

        ReleaseIfDone(run);
    }

    private void ReleaseIfDone(RunRecord run)
    {
        if (!run.Released && !run.Processing && (run.Detached || !run.IsActive))
        {
            run.Released = true;
            state.Gates.Release(run.Gate);
        }
    }

    private byte[] Complete(RunRecord run)
    {
        long now = state.Now();
        run.Status = RunStatus.Completed;
        run.Json["completed_at"] = now;
        run.Json["expires_at"] = null;
        run.Json["usage"] = RunJson.Usage(run.PromptTokens, run.CompletionTokens);
        return EmitRun(run, "thread.run.completed");
    }

    private void Incomplete(RunRecord run, string reason)
    {
        run.Status = RunStatus.Incomplete;
        run.Json["expires_at"] = null;
        run.Json["incomplete_details"] = new JsonObject { ["reason"] = reason };
        run.Json["usage"] = RunJson.Usage(run.PromptTokens, run.CompletionTokens);
        FinishSteps(run, "completed", null);
        Emit(run, "thread.run.incomplete", run.Json);
    }

    private void Fail(RunRecord run, string code, string message)
    {
        run.Status = RunStatus.Failed;
        run.Json["failed_at"] = state.Now();
        run.Json["expires_at"] = null;
        run.Json["required_action"] = null;
        run.Json["last_error"] = RunJson.Error(code, message);
        run.Json["usage"] = RunJson.Usage(run.PromptTokens, run.CompletionTokens);
        FinishSteps(run, "failed", RunJson.Error(code, message));
        Emit(run, "thread.run.failed", run.Json);
    }

    private void Cancelled(RunRecord run)
    {
        run.Status = RunStatus.Cancelled;
        run.Json["cancelled_at"] = state.Now();
        run.Json["expires_at"] = null;
        run.Json["required_action"] = null;
        FinishSteps(run, "cancelled", null);
        Emit(run, "thread.run.cancelled", run.Json);
    }

    /// <summary>Closes the run's unfinished steps and messages with <paramref name="status"/>.</summary>
    private void FinishSteps(RunRecord run, string status, JsonObject? error)
    {
        long now = state.Now();
        foreach (JsonObject step in run.Steps)
        {
            if (!RunSettlement.CloseStep(step, status, error, now))
            {
                continue;
            }

            run.StepChanged(step);
            Emit(run, "thread.run.step." + status, step);
        }

        run.PendingToolStep = null;
        foreach (JsonObject message in run.Messages)
        {
            if (!RunSettlement.CloseMessage(message, status, now))
            {
                continue;
            }

            run.MessageChanged(message);
            Emit(run, "thread.message.incomplete", message);
        }
    }

    private static void Emit(RunRecord run, string eventName, JsonObject data) => run.Events?.Emit(eventName, data);

    private static void CloseEvents(RunRecord run)
    {
        run.Events?.Complete();
        run.Events = null;
    }
}
