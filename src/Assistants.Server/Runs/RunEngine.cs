using System.Linq;
using System.Text.Json.Nodes;
using Assistants.Server.Storage;
using Microsoft.Extensions.AI;

namespace Assistants.Server.Runs;

/// <summary>
/// Drives runs through the protocol's lifecycle. State changes happen under the store lock and are reported,
/// in the same moment, to the run's event stream when a client is streaming it.
/// </summary>
internal sealed partial class RunEngine(ServerStore store, WorkTracker work, IChatClient model, AssistantsServerOptions options)
{
    /// <summary>Expires the thread's unfinished runs whose time is up (call under the lock).</summary>
    public void ExpireDue(ThreadRecord thread)
    {
        foreach (RunRecord run in thread.Runs.Items.Select(pair => pair.Value))
        {
            ExpireIfDue(run);
        }
    }

    /// <summary>Runs expire lazily: whenever one is looked at after its <c>expires_at</c> (call under the lock).</summary>
    public bool ExpireIfDue(RunRecord run)
    {
        if (!run.IsActive || run.Status == RunStatus.Cancelling || run.Json["expires_at"] is not JsonValue expiresAt
            || store.Now() < expiresAt.GetValue<long>())
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

        return true;
    }

    private void Complete(RunRecord run)
    {
        long now = store.Now();
        run.Status = RunStatus.Completed;
        run.Json["completed_at"] = now;
        run.Json["expires_at"] = null;
        run.Json["usage"] = RunJson.Usage(run.PromptTokens, run.CompletionTokens);
        Emit(run, "thread.run.completed", run.Json);
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
        run.Json["failed_at"] = store.Now();
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
        run.Json["cancelled_at"] = store.Now();
        run.Json["expires_at"] = null;
        run.Json["required_action"] = null;
        FinishSteps(run, "cancelled", null);
        Emit(run, "thread.run.cancelled", run.Json);
    }

    /// <summary>Closes the run's unfinished steps and messages with <paramref name="status"/>.</summary>
    private void FinishSteps(RunRecord run, string status, JsonObject? error)
    {
        long now = store.Now();
        foreach (JsonObject step in run.Steps.Items.Select(pair => pair.Value).Where(step => (string?)step["status"] == RunStatus.InProgress))
        {
            step["status"] = status;
            switch (status)
            {
                case "completed":
                    step["completed_at"] = now;
                    break;
                case "failed":
                    step["failed_at"] = now;
                    step["last_error"] = error?.DeepClone();
                    break;
                case "cancelled":
                    step["cancelled_at"] = now;
                    break;
                default:
                    break;
            }

            Emit(run, "thread.run.step." + status, step);
        }

        run.PendingToolStep = null;
        foreach (JsonObject message in run.Thread.Messages.Items.Select(pair => pair.Value)
            .Where(message => (string?)message["run_id"] == run.Id && (string?)message["status"] == RunStatus.InProgress))
        {
            message["status"] = "incomplete";
            message["incomplete_at"] = now;
            message["incomplete_details"] = new JsonObject { ["reason"] = status == "completed" ? "max_tokens" : "run_" + status };
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
