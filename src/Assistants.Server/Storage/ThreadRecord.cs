using System.Linq;
using System.Text.Json.Nodes;
using Assistants.Server.Runs;

namespace Assistants.Server.Storage;

/// <summary>A thread with its messages and runs.</summary>
internal sealed class ThreadRecord(string id, JsonObject json)
{
    public string Id { get; } = id;

    public JsonObject Json { get; } = json;

    public ResourceList<JsonObject> Messages { get; } = new();

    public ResourceList<RunRecord> Runs { get; } = new();

    /// <summary>The run that blocks new messages and runs, if any (call under the store lock).</summary>
    public RunRecord? ActiveRun => Runs.Items.Select(pair => pair.Value).LastOrDefault(run => run.IsActive);
}
