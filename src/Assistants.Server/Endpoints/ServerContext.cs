using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Assistants.Server.Errors;
using Assistants.Server.Runs;
using Assistants.Server.Search;
using Assistants.Server.Storage;

namespace Assistants.Server.Endpoints;

/// <summary>What every endpoint shares: the state, the run engine and lookups that throw the service's 404s.</summary>
internal sealed class ServerContext(ServerState state, RunEngine engine, VectorStoreIndexer indexer, VectorSearch search)
{
    public VectorStoreIndexer Indexer { get; } = indexer;

    public VectorSearch Search { get; } = search;

    public ServerState State { get; } = state;

    public IServerStore Docs => State.Docs;

    public RunEngine Engine { get; } = engine;

    /// <summary>Enters the gate of a thread (or of another record that is read, changed and written back).</summary>
    public GateScope Enter(string id) => State.Gates.Enter(id);

    public StoredDoc Thread(string id) => Docs.Find(DocKinds.Thread, DocKinds.Root, id) ?? throw ApiErrors.NotFound("thread", id);

    /// <summary>The run's current wire object: the live one while it is active, otherwise the stored one (call under the thread's gate).</summary>
    public JsonObject Run(string threadId, string runId)
    {
        if (Engine.Live(threadId, runId) is RunRecord live)
        {
            return live.Json;
        }

        Thread(threadId);
        return Docs.Find(DocKinds.Run, threadId, runId)?.Json ?? throw ApiErrors.NotFound("run", runId);
    }

    public static IEnumerable<KeyValuePair<string, JsonNode>> Items(IReadOnlyList<StoredDoc> docs, Func<JsonObject, JsonNode> view) =>
        docs.Select(doc => new KeyValuePair<string, JsonNode>(doc.Id, view(doc.Json)));

    public static IEnumerable<KeyValuePair<string, JsonNode>> Items(IReadOnlyList<StoredDoc> docs) =>
        docs.Select(doc => new KeyValuePair<string, JsonNode>(doc.Id, doc.Json));
}
