using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Assistants.Server.Storage;

namespace Assistants.Server.Runs;

/// <summary>
/// Closing a run's unfinished steps and messages, shared by the engine and by the settlement on start: a run the
/// store holds as active when the server starts was cut off by a stop, so it is failed with a clear last_error.
/// </summary>
internal static class RunSettlement
{
    public const string InterruptedMessage =
        "The server stopped while this run was active; the run was settled as failed when the server started again.";

    /// <summary>Closes a step that is still in progress; returns whether it was.</summary>
    public static bool CloseStep(JsonObject step, string status, JsonObject? error, long now)
    {
        if ((string?)step["status"] != RunStatus.InProgress)
        {
            return false;
        }

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

        return true;
    }

    /// <summary>Marks a message still in progress incomplete; returns whether it was.</summary>
    public static bool CloseMessage(JsonObject message, string status, long now)
    {
        if ((string?)message["status"] != RunStatus.InProgress)
        {
            return false;
        }

        message["status"] = "incomplete";
        message["incomplete_at"] = now;
        message["incomplete_details"] = new JsonObject { ["reason"] = status == "completed" ? "max_tokens" : "run_" + status };
        return true;
    }

    /// <summary>Fails every run the store holds as active, with its steps and messages; returns how many.</summary>
    public static int SettleInterrupted(IServerStore store, long now)
    {
        IReadOnlyList<StoredDoc> runs = store.ListActiveRuns();
        foreach (StoredDoc run in runs)
        {
            JsonObject error = RunJson.Error("server_error", InterruptedMessage);
            List<StoredDoc> changed = [run];
            run.Json["status"] = RunStatus.Failed;
            run.Json["failed_at"] = now;
            run.Json["expires_at"] = null;
            run.Json["required_action"] = null;
            run.Json["last_error"] = error;
            changed.AddRange(store.List(DocKinds.Step, run.Id).Where(step => CloseStep(step.Json, RunStatus.Failed, error, now)));
            changed.AddRange(store.List(DocKinds.Message, run.Parent)
                .Where(message => (string?)message.Json["run_id"] == run.Id && CloseMessage(message.Json, RunStatus.Failed, now)));
            store.Save(changed);
        }

        return runs.Count;
    }
}
