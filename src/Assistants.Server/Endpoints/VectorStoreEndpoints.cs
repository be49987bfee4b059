using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Server.Errors;
using Assistants.Server.Json;
using Assistants.Server.Routing;
using Assistants.Server.Search;
using Assistants.Server.Storage;

namespace Assistants.Server.Endpoints;

/// <summary><c>/vector_stores</c>: create, retrieve, modify, delete, list; their files are indexed in the background.</summary>
internal sealed class VectorStoreEndpoints(ServerContext context, VectorStoreFileEndpoints files)
{
    public async Task<HttpResponseMessage> CreateAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        JsonObject body = await request.ReadBodyAsync(Validation.BodyLimits.Metadata, cancellationToken).ConfigureAwait(false);
        return Responses.Json(Create(body));
    }

    /// <summary>
    /// Creates a vector store with its files (<c>file_ids</c>, <c>chunking_strategy</c>), queues them for indexing
    /// and returns it: <c>in_progress</c> with <c>file_counts.in_progress</c> = n when it has files, as the service answers.
    /// </summary>
    public JsonObject Create(JsonObject body, string param = "")
    {
        ChunkingStrategy strategy = ChunkingStrategy.Parse(body["chunking_strategy"], param + "chunking_strategy");
        string[] fileIds = StringArray(body, "file_ids");
        string id = context.State.NewId("vs_");
        long now = context.State.Now();
        JsonObject? expiresAfter = (JsonObject?)JsonNodes.GetObject(body, "expires_after")?.DeepClone();
        var json = new JsonObject
        {
            ["id"] = id,
            ["object"] = "vector_store",
            ["created_at"] = now,
            ["name"] = JsonNodes.GetString(body, "name"),
            ["description"] = JsonNodes.GetString(body, "description"),
            ["usage_bytes"] = 0L,
            ["file_counts"] = null,
            ["status"] = "completed",
            ["expires_after"] = expiresAfter,
            ["expires_at"] = expiresAfter?["days"] is JsonValue days ? now + (days.GetValue<long>() * 86400) : null,
            ["last_active_at"] = now,
            ["metadata"] = JsonNodes.Metadata(body),
        };
        using (context.Enter(id))
        {
            List<StoredDoc> docs = [];
            foreach (string fileId in fileIds)
            {
                docs.RemoveAll(doc => doc.Id == fileId);
                docs.Add(files.Attach(id, fileId, strategy, null));
            }

            files.Save(new StoredDoc(DocKinds.VectorStore, DocKinds.Root, id, json), docs);
        }

        foreach (string fileId in fileIds.Distinct())
        {
            context.Indexer.Enqueue(id, fileId);
        }

        return json;
    }

    public HttpResponseMessage Retrieve(string id) => Responses.Json(Find(id).Json);

    public async Task<HttpResponseMessage> ModifyAsync(ApiRequest request, string id, CancellationToken cancellationToken)
    {
        JsonObject body = await request.ReadBodyAsync(Validation.BodyLimits.Metadata, cancellationToken).ConfigureAwait(false);
        using (context.Enter(id))
        {
            StoredDoc store = Find(id);
            JsonObject json = store.Json;
            if (body.ContainsKey("name"))
            {
                json["name"] = JsonNodes.GetString(body, "name");
            }

            if (body.ContainsKey("expires_after"))
            {
                json["expires_after"] = JsonNodes.GetObject(body, "expires_after")?.DeepClone();
            }

            json["metadata"] = JsonNodes.Metadata(body, (JsonObject?)json["metadata"]?.DeepClone());
            context.Docs.Save([store]);
            return Responses.Json(json);
        }
    }

    public HttpResponseMessage Delete(string id)
    {
        using (context.Enter(id))
        {
            if (!context.Docs.Delete(DocKinds.VectorStore, DocKinds.Root, id))
            {
                throw ApiErrors.NotFound("vector store", id);
            }

            return Responses.Deleted(id, "vector_store.deleted");
        }
    }

    public HttpResponseMessage List(ApiRequest request) =>
        Responses.Json(Pagination.Page(request, ServerContext.Items(context.Docs.List(DocKinds.VectorStore, DocKinds.Root))));

    public static string[] StringArray(JsonObject body, string name) =>
        [.. (JsonNodes.GetArray(body, name) ?? []).Select((node, i) => node is JsonValue value && value.TryGetValue(out string? text)
            ? text
            : throw ApiErrors.InvalidType($"{name}[{i}]", "a string", JsonNodes.Describe(node)))];

    private StoredDoc Find(string id) => context.Docs.Find(DocKinds.VectorStore, DocKinds.Root, id) ?? throw ApiErrors.NotFound("vector store", id);
}
