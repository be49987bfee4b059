using System.Collections.Generic;
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

/// <summary>Vector store files and file batches; every file is <c>completed</c> as soon as it is added.</summary>
internal sealed class VectorStoreFileEndpoints(ServerContext context)
{
    public async Task<HttpResponseMessage> CreateAsync(ApiRequest request, string storeId, CancellationToken cancellationToken)
    {
        JsonObject body = await request.ReadBodyAsync(cancellationToken).ConfigureAwait(false);
        lock (context.Store.Gate)
        {
            VectorStoreRecord store = FindStore(storeId);
            JsonObject file = Attach(store, JsonNodes.RequireString(body, "file_id"), JsonNodes.GetObject(body, "chunking_strategy"), JsonNodes.GetObject(body, "attributes"));
            Recount(store);
            return Responses.Json(file.DeepClone());
        }
    }

    public HttpResponseMessage Retrieve(string storeId, string fileId)
    {
        lock (context.Store.Gate)
        {
            return Responses.Json(FindFile(FindStore(storeId), fileId).DeepClone());
        }
    }

    public HttpResponseMessage Delete(string storeId, string fileId)
    {
        lock (context.Store.Gate)
        {
            VectorStoreRecord store = FindStore(storeId);
            FindFile(store, fileId);
            store.Files.Remove(fileId);
            Recount(store);
            return Responses.Deleted(fileId, "vector_store.file.deleted");
        }
    }

    public HttpResponseMessage List(ApiRequest request, string storeId, string? batchId = null)
    {
        string? filter = request.Query("filter");
        lock (context.Store.Gate)
        {
            VectorStoreRecord store = FindStore(storeId);
            HashSet<string>? inBatch = batchId is null ? null : [.. FindBatch(store, batchId).FileIds];
            var items = ServerContext.Snapshots(store.Files, file => batchId is null ? file.DeepClone() : BatchView(file))
                .Where(pair => (inBatch is null || inBatch.Contains(pair.Key)) && (filter is null || (string?)pair.Value["status"] == filter));
            return Responses.Json(Pagination.Page(request, items));
        }
    }

    public async Task<HttpResponseMessage> CreateBatchAsync(ApiRequest request, string storeId, CancellationToken cancellationToken)
    {
        JsonObject body = await request.ReadBodyAsync(cancellationToken).ConfigureAwait(false);
        lock (context.Store.Gate)
        {
            VectorStoreRecord store = FindStore(storeId);
            string[] fileIds = VectorStoreEndpoints.StringArray(body, "file_ids");
            if (fileIds.Length == 0)
            {
                throw ApiErrors.MissingParameter("file_ids");
            }

            foreach (string fileId in fileIds)
            {
                Attach(store, fileId, JsonNodes.GetObject(body, "chunking_strategy"), JsonNodes.GetObject(body, "attributes"));
            }

            Recount(store);
            string id = context.Store.NewId("vsfb_");
            var json = new JsonObject
            {
                ["id"] = id,
                ["object"] = "vector_store.file_batch",
                ["created_at"] = context.Store.Now(),
                ["status"] = "completed",
                ["vector_store_id"] = storeId,
                ["file_counts"] = Counts(fileIds.Length, 0),
            };
            store.Batches.Add(id, new BatchRecord(id, json, fileIds));
            return Responses.Json(json.DeepClone());
        }
    }

    public HttpResponseMessage RetrieveBatch(string storeId, string batchId)
    {
        lock (context.Store.Gate)
        {
            return Responses.Json(FindBatch(FindStore(storeId), batchId).Json.DeepClone());
        }
    }

    /// <summary>Batches complete at once, so there is never anything left to cancel; the batch is returned as it is.</summary>
    public HttpResponseMessage CancelBatch(string storeId, string batchId) => RetrieveBatch(storeId, batchId);

    /// <summary>Adds (or re-adds) a stored file to the vector store (call under the lock).</summary>
    public JsonObject Attach(VectorStoreRecord store, string fileId, JsonObject? chunking, JsonObject? attributes)
    {
        StoredFile file = context.Store.Files.Find(fileId) ?? throw ApiErrors.FileNotFound(fileId);
        store.Files.Remove(fileId);
        var json = new JsonObject
        {
            ["id"] = fileId,
            ["object"] = "vector_store.file",
            ["usage_bytes"] = (long)file.Content.Length,
            ["created_at"] = context.Store.Now(),
            ["vector_store_id"] = store.Id,
            ["status"] = "completed",
            ["last_error"] = null,
            ["chunking_strategy"] = (string?)chunking?["type"] == "static" ? chunking.DeepClone() : new JsonObject
            {
                ["type"] = "static",
                ["static"] = new JsonObject { ["max_chunk_size_tokens"] = 800, ["chunk_overlap_tokens"] = 400 },
            },
            ["attributes"] = attributes?.DeepClone() ?? new JsonObject(),
        };
        store.Files.Add(fileId, json);
        return json;
    }

    public static void Recount(VectorStoreRecord store)
    {
        store.Json["file_counts"] = Counts(store.Files.Count, 0);
        store.Json["usage_bytes"] = store.Files.Items.Sum(pair => (long?)pair.Value["usage_bytes"] ?? 0);
    }

    private static JsonObject Counts(int completed, int inProgress) => new()
    {
        ["in_progress"] = inProgress,
        ["completed"] = completed,
        ["failed"] = 0,
        ["cancelled"] = 0,
        ["total"] = completed + inProgress,
    };

    /// <summary>Files listed through a batch lack <c>usage_bytes</c>, <c>chunking_strategy</c> and <c>attributes</c>, as recorded.</summary>
    private static JsonObject BatchView(JsonObject file)
    {
        var copy = (JsonObject)file.DeepClone();
        copy.Remove("usage_bytes");
        copy.Remove("chunking_strategy");
        copy.Remove("attributes");
        return copy;
    }

    private VectorStoreRecord FindStore(string id) => context.Store.VectorStores.Find(id) ?? throw ApiErrors.NotFound("vector store", id);

    private static JsonObject FindFile(VectorStoreRecord store, string fileId) =>
        store.Files.Find(fileId) ?? throw ApiErrors.NotFound("file", fileId);

    private static BatchRecord FindBatch(VectorStoreRecord store, string batchId) =>
        store.Batches.Find(batchId) ?? throw ApiErrors.NotFound("file batch", batchId);
}
