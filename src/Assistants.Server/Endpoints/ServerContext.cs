using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Assistants.Server.Errors;
using Assistants.Server.Runs;
using Assistants.Server.Storage;

namespace Assistants.Server.Endpoints;

/// <summary>What every endpoint shares: the store, the run engine and lookups that throw the service's 404s.</summary>
internal sealed class ServerContext(ServerStore store, RunEngine engine)
{
    public ServerStore Store { get; } = store;

    public RunEngine Engine { get; } = engine;

    public ThreadRecord Thread(string id) => Store.Threads.Find(id) ?? throw ApiErrors.NotFound("thread", id);

    public RunRecord Run(string threadId, string runId)
    {
        ThreadRecord thread = Thread(threadId);
        RunRecord run = thread.Runs.Find(runId) ?? throw ApiErrors.NotFound("run", runId);
        Engine.ExpireIfDue(run);
        return run;
    }

    public static IEnumerable<KeyValuePair<string, JsonNode>> Snapshots<T>(ResourceList<T> list, System.Func<T, JsonNode> view)
        where T : class =>
        list.Items.Select(pair => new KeyValuePair<string, JsonNode>(pair.Key, view(pair.Value))).ToList();
}
