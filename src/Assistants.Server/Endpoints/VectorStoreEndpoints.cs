using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Server.Errors;
using Assistants.Server.Json;
using Assistants.Server.Routing;
using Assistants.Server.Storage;

namespace Assistants.Server.Endpoints;

/// <summary><c>/vector_stores</c>: create, retrieve, modify, delete, list. Plain storage: nothing is indexed.</summary>
internal sealed class VectorStoreEndpoints(ServerContext context, VectorStoreFileEndpoints files)
{
    public async Task<HttpResponseMessage> CreateAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        JsonObject body = await request.ReadBodyAsync(Validation.BodyLimits.Metadata, cancellationToken).ConfigureAwait(false);
        lock (context.Store.Gate)
        {
            string id = context.Store.NewId("vs_");
            long now = context.Store.Now();
            JsonObject? expiresAfter = (JsonObject?)JsonNodes.GetObject(body, "expires_after")?.DeepClone();
            var json = new JsonObject
            {
                ["id"] = id,
                ["object"] = "vector_store",
                ["created_at"] = now,
                ["name"] = JsonNodes.GetString(body, "name"),
                ["description"] = JsonNodes.GetString(body, "description"),
                ["usage_bytes"] = 0,
                ["file_counts"] = null,
                ["status"] = "completed",
                ["expires_after"] = expiresAfter,
                ["expires_at"] = expiresAfter?["days"] is JsonValue days ? now + (days.GetValue<long>() * 86400) : null,
                ["last_active_at"] = now,
                ["metadata"] = JsonNodes.Metadata(body),
            };
            var store = new VectorStoreRecord(id, json);
            foreach (string fileId in StringArray(body, "file_ids"))
            {
                files.Attach(store, fileId, JsonNodes.GetObject(body, "chunking_strategy"), null);
            }

            VectorStoreFileEndpoints.Recount(store);
            context.Store.VectorStores.Add(id, store);
            return Responses.Json(json.DeepClone());
        }
    }

    public HttpResponseMessage Retrieve(string id)
    {
        lock (context.Store.Gate)
        {
            return Responses.Json(Find(id).Json.DeepClone());
        }
    }

    public async Task<HttpResponseMessage> ModifyAsync(ApiRequest request, string id, CancellationToken cancellationToken)
    {
        JsonObject body = await request.ReadBodyAsync(Validation.BodyLimits.Metadata, cancellationToken).ConfigureAwait(false);
        lock (context.Store.Gate)
        {
            JsonObject json = Find(id).Json;
            if (body.ContainsKey("name"))
            {
                json["name"] = JsonNodes.GetString(body, "name");
            }

            if (body.ContainsKey("expires_after"))
            {
                json["expires_after"] = JsonNodes.GetObject(body, "expires_after")?.DeepClone();
            }

            json["metadata"] = JsonNodes.Metadata(body, (JsonObject?)json["metadata"]?.DeepClone());
            return Responses.Json(json.DeepClone());
        }
    }

    public HttpResponseMessage Delete(string id)
    {
        lock (context.Store.Gate)
        {
            Find(id);
            context.Store.VectorStores.Remove(id);
            return Responses.Deleted(id, "vector_store.deleted");
        }
    }

    public HttpResponseMessage List(ApiRequest request)
    {
        lock (context.Store.Gate)
        {
            return Responses.Json(Pagination.Page(request, ServerContext.Snapshots(context.Store.VectorStores, store => store.Json.DeepClone())));
        }
    }

    public static string[] StringArray(JsonObject body, string name) =>
        [.. (JsonNodes.GetArray(body, name) ?? []).Select((node, i) => node is JsonValue value && value.TryGetValue(out string? text)
            ? text
            : throw ApiErrors.InvalidType($"{name}[{i}]", "a string", JsonNodes.Describe(node)))];

    private VectorStoreRecord Find(string id) => context.Store.VectorStores.Find(id) ?? throw ApiErrors.NotFound("vector store", id);
}
