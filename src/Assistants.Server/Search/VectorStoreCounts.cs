using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Assistants.Server.Storage;

namespace Assistants.Server.Search;

/// <summary>
/// A vector store's and its batches' <c>file_counts</c>, <c>usage_bytes</c> and <c>status</c>, derived from their
/// files: <c>in_progress</c> while any file is, <c>completed</c> after (a cancelled batch stays <c>cancelled</c>).
/// </summary>
internal static class VectorStoreCounts
{
    /// <summary>Recounts the store and its batches from <paramref name="files"/> (the store's files as they will be saved); returns the changed batches.</summary>
    public static List<StoredDoc> Recount(IServerStore docs, StoredDoc store, IReadOnlyCollection<StoredDoc> files)
    {
        store.Json["file_counts"] = Counts(files.Select(file => file.Json));
        store.Json["usage_bytes"] = files.Sum(file => (long?)file.Json["usage_bytes"] ?? 0);
        store.Json["status"] = files.Any(IsInProgress) ? "in_progress" : "completed";
        Dictionary<string, StoredDoc> byId = files.ToDictionary(file => file.Id);
        List<StoredDoc> batches = [];
        foreach (StoredDoc batch in docs.List(DocKinds.FileBatch, store.Id))
        {
            List<JsonObject> members = [.. FileIds(batch).Where(byId.ContainsKey).Select(id => byId[id].Json)];
            JsonObject counts = Counts(members);
            string status = (string?)batch.Json["status"] == "cancelled" ? "cancelled"
                : members.Any(file => (string?)file["status"] == "in_progress") ? "in_progress" : "completed";
            if (JsonNode.DeepEquals(counts, batch.Json["file_counts"]) && status == (string?)batch.Json["status"])
            {
                continue;
            }

            batch.Json["file_counts"] = counts;
            batch.Json["status"] = status;
            batches.Add(batch);
        }

        return batches;
    }

    public static IEnumerable<string> FileIds(StoredDoc batch) =>
        (batch.State?["file_ids"] as JsonArray ?? []).Select(node => (string)node!);

    public static JsonObject Counts(IEnumerable<JsonObject> files)
    {
        int inProgress = 0, completed = 0, failed = 0, cancelled = 0, total = 0;
        foreach (JsonObject file in files)
        {
            total++;
            switch ((string?)file["status"])
            {
                case "in_progress": inProgress++; break;
                case "completed": completed++; break;
                case "failed": failed++; break;
                case "cancelled": cancelled++; break;
                default: break;
            }
        }

        return new JsonObject { ["in_progress"] = inProgress, ["completed"] = completed, ["failed"] = failed, ["cancelled"] = cancelled, ["total"] = total };
    }

    private static bool IsInProgress(StoredDoc file) => (string?)file.Json["status"] == "in_progress";
}
