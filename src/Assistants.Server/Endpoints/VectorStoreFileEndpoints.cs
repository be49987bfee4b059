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

/// <summary>
/// Vector store files and file batches; every file is <c>completed</c> as soon as it is added. Changes happen under
/// the vector store's gate, since they rewrite its counts.
/// </summary>
internal sealed class VectorStoreFileEndpoints(ServerContext context)
{
    public async Task<HttpResponseMessage> CreateAsync(ApiRequest request, string storeId, CancellationToken cancellationToken)
    {
        JsonObject body = await request.ReadBodyAsync(cancellationToken).ConfigureAwait(false);
        using (context.Enter(storeId))
        {
            StoredDoc store = FindStore(storeId);
            StoredDoc file = Attach(storeId, JsonNodes.RequireString(body, "file_id"), JsonNodes.GetObject(body, "chunking_strategy"), JsonNodes.GetObject(body, "attributes"));
            context.Docs.Delete(DocKinds.VectorStoreFile, storeId, file.Id);
            Save(store, [file]);
            return Responses.Json(file.Json);
        }
    }

    public HttpResponseMessage Retrieve(string storeId, string fileId)
    {
        FindStore(storeId);
        return Responses.Json(FindFile(storeId, fileId).Json);
    }

    public HttpResponseMessage Delete(string storeId, string fileId)
    {
        using (context.Enter(storeId))
        {
            StoredDoc store = FindStore(storeId);
            FindFile(storeId, fileId);
            context.Docs.Delete(DocKinds.VectorStoreFile, storeId, fileId);
            Save(store, []);
            return Responses.Deleted(fileId, "vector_store.file.deleted");
        }
    }

    public HttpResponseMessage List(ApiRequest request, string storeId, string? batchId = null)
    {
        string? filter = request.Query("filter");
        FindStore(storeId);
        HashSet<string>? inBatch = batchId is null ? null : [.. FileIdsOf(FindBatch(storeId, batchId))];
        var items = ServerContext.Items(context.Docs.List(DocKinds.VectorStoreFile, storeId), file => batchId is null ? file : BatchView(file))
            .Where(pair => (inBatch is null || inBatch.Contains(pair.Key)) && (filter is null || (string?)pair.Value["status"] == filter));
        return Responses.Json(Pagination.Page(request, items));
    }

    public async Task<HttpResponseMessage> CreateBatchAsync(ApiRequest request, string storeId, CancellationToken cancellationToken)
    {
        JsonObject body = await request.ReadBodyAsync(cancellationToken).ConfigureAwait(false);
        using (context.Enter(storeId))
        {
            StoredDoc store = FindStore(storeId);
            string[] fileIds = VectorStoreEndpoints.StringArray(body, "file_ids");
            if (fileIds.Length == 0)
            {
                throw ApiErrors.MissingParameter("file_ids");
            }

            List<StoredDoc> files = [];
            foreach (string fileId in fileIds)
            {
                files.RemoveAll(doc => doc.Id == fileId);
                files.Add(Attach(storeId, fileId, JsonNodes.GetObject(body, "chunking_strategy"), JsonNodes.GetObject(body, "attributes")));
            }

            foreach (StoredDoc file in files)
            {
                context.Docs.Delete(DocKinds.VectorStoreFile, storeId, file.Id);
            }

            string id = context.State.NewId("vsfb_");
            var json = new JsonObject
            {
                ["id"] = id,
                ["object"] = "vector_store.file_batch",
                ["created_at"] = context.State.Now(),
                ["status"] = "completed",
                ["vector_store_id"] = storeId,
                ["file_counts"] = Counts(fileIds.Length, 0),
            };
            var batch = new StoredDoc(DocKinds.FileBatch, storeId, id, json, new JsonObject { ["file_ids"] = new JsonArray([.. fileIds.Select(fileId => (JsonNode)fileId)]) });
            Save(store, [.. files, batch]);
            return Responses.Json(json);
        }
    }

    public HttpResponseMessage RetrieveBatch(string storeId, string batchId)
    {
        FindStore(storeId);
        return Responses.Json(FindBatch(storeId, batchId).Json);
    }

    /// <summary>Batches complete at once, so there is never anything left to cancel; the batch is returned as it is.</summary>
    public HttpResponseMessage CancelBatch(string storeId, string batchId) => RetrieveBatch(storeId, batchId);

    /// <summary>The vector store file that adds (or re-adds) a stored file; the caller stores it.</summary>
    public StoredDoc Attach(string storeId, string fileId, JsonObject? chunking, JsonObject? attributes)
    {
        StoredDoc file = context.Docs.Find(DocKinds.File, DocKinds.Root, fileId) ?? throw ApiErrors.FileNotFound(fileId);
        var json = new JsonObject
        {
            ["id"] = fileId,
            ["object"] = "vector_store.file",
            ["usage_bytes"] = (long?)file.Json["bytes"] ?? 0,
            ["created_at"] = context.State.Now(),
            ["vector_store_id"] = storeId,
            ["status"] = "completed",
            ["last_error"] = null,
            ["chunking_strategy"] = (string?)chunking?["type"] == "static" ? chunking.DeepClone() : new JsonObject
            {
                ["type"] = "static",
                ["static"] = new JsonObject { ["max_chunk_size_tokens"] = 800, ["chunk_overlap_tokens"] = 400 },
            },
            ["attributes"] = attributes?.DeepClone() ?? new JsonObject(),
        };
        return new StoredDoc(DocKinds.VectorStoreFile, storeId, fileId, json);
    }

    /// <summary>Sets a vector store's counts from its files.</summary>
    public static void Recount(JsonObject store, IReadOnlyCollection<StoredDoc> files)
    {
        store["file_counts"] = Counts(files.Count, 0);
        store["usage_bytes"] = files.Sum(file => (long?)file.Json["usage_bytes"] ?? 0);
    }

    /// <summary>Stores <paramref name="changed"/> and the vector store with its counts (under its gate; files already stored count too).</summary>
    private void Save(StoredDoc store, List<StoredDoc> changed)
    {
        List<StoredDoc> files = [.. context.Docs.List(DocKinds.VectorStoreFile, store.Id), .. changed.Where(doc => doc.Kind == DocKinds.VectorStoreFile)];
        Recount(store.Json, files);
        context.Docs.Save([.. changed, store]);
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
        file.Remove("usage_bytes");
        file.Remove("chunking_strategy");
        file.Remove("attributes");
        return file;
    }

    private static IEnumerable<string> FileIdsOf(StoredDoc batch) =>
        (batch.State?["file_ids"] as JsonArray ?? []).Select(node => (string)node!);

    private StoredDoc FindStore(string id) => context.Docs.Find(DocKinds.VectorStore, DocKinds.Root, id) ?? throw ApiErrors.NotFound("vector store", id);

    private StoredDoc FindFile(string storeId, string fileId) =>
        context.Docs.Find(DocKinds.VectorStoreFile, storeId, fileId) ?? throw ApiErrors.NotFound("file", fileId);

    private StoredDoc FindBatch(string storeId, string batchId) =>
        context.Docs.Find(DocKinds.FileBatch, storeId, batchId) ?? throw ApiErrors.NotFound("file batch", batchId);
}
