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

/// <summary>
/// Vector store files and file batches. A file added is <c>in_progress</c> until the indexer
/// (<see cref="VectorStoreIndexer"/>) has chunked it. Changes happen under the vector store's gate, since they
/// rewrite its counts.
/// </summary>
internal sealed class VectorStoreFileEndpoints(ServerContext context)
{
    public async Task<HttpResponseMessage> CreateAsync(ApiRequest request, string storeId, CancellationToken cancellationToken)
    {
        JsonObject body = await request.ReadBodyAsync(cancellationToken).ConfigureAwait(false);
        string fileId = JsonNodes.RequireString(body, "file_id");
        ChunkingStrategy strategy = ChunkingStrategy.Parse(body["chunking_strategy"]);
        using (context.Enter(storeId))
        {
            StoredDoc store = FindStore(storeId);
            StoredDoc file = Attach(storeId, fileId, strategy, JsonNodes.GetObject(body, "attributes"));
            Detach(storeId, file.Id);
            Save(store, [file]);
        }

        context.Indexer.Enqueue(storeId, fileId);
        return Responses.Json(FindFile(storeId, fileId).Json);
    }

    /// <summary>Adds files to a store and queues them (message attachments joining a thread's store).</summary>
    public void AddFiles(string storeId, IReadOnlyList<string> fileIds)
    {
        using (context.Enter(storeId))
        {
            StoredDoc store = FindStore(storeId);
            List<StoredDoc> added = [];
            foreach (string fileId in fileIds)
            {
                added.Add(Attach(storeId, fileId, ChunkingStrategy.Auto, null));
                Detach(storeId, fileId);
            }

            Save(store, added);
        }

        foreach (string fileId in fileIds)
        {
            context.Indexer.Enqueue(storeId, fileId);
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
            Detach(storeId, fileId);
            Save(store, []);
            return Responses.Deleted(fileId, "vector_store.file.deleted");
        }
    }

    public HttpResponseMessage List(ApiRequest request, string storeId, string? batchId = null)
    {
        string? filter = request.Query("filter");
        FindStore(storeId);
        HashSet<string>? inBatch = batchId is null ? null : [.. VectorStoreCounts.FileIds(FindBatch(storeId, batchId))];
        var items = ServerContext.Items(context.Docs.List(DocKinds.VectorStoreFile, storeId), file => batchId is null ? file : BatchView(file))
            .Where(pair => (inBatch is null || inBatch.Contains(pair.Key)) && (filter is null || (string?)pair.Value["status"] == filter));
        return Responses.Json(Pagination.Page(request, items));
    }

    public async Task<HttpResponseMessage> CreateBatchAsync(ApiRequest request, string storeId, CancellationToken cancellationToken)
    {
        JsonObject body = await request.ReadBodyAsync(cancellationToken).ConfigureAwait(false);
        ChunkingStrategy strategy = ChunkingStrategy.Parse(body["chunking_strategy"]);
        string[] fileIds = VectorStoreEndpoints.StringArray(body, "file_ids");
        if (fileIds.Length == 0)
        {
            throw ApiErrors.MissingParameter("file_ids");
        }

        JsonObject json;
        using (context.Enter(storeId))
        {
            StoredDoc store = FindStore(storeId);
            List<StoredDoc> files = [];
            foreach (string fileId in fileIds)
            {
                files.RemoveAll(doc => doc.Id == fileId);
                files.Add(Attach(storeId, fileId, strategy, JsonNodes.GetObject(body, "attributes")));
            }

            foreach (StoredDoc file in files)
            {
                Detach(storeId, file.Id);
            }

            string id = context.State.NewId("vsfb_");
            json = new JsonObject
            {
                ["id"] = id,
                ["object"] = "vector_store.file_batch",
                ["created_at"] = context.State.Now(),
                ["status"] = "in_progress",
                ["vector_store_id"] = storeId,
                ["file_counts"] = VectorStoreCounts.Counts(files.Select(file => file.Json)),
            };
            var batch = new StoredDoc(DocKinds.FileBatch, storeId, id, json, new JsonObject { ["file_ids"] = new JsonArray([.. files.Select(file => (JsonNode)file.Id)]) });
            context.Docs.Save([batch]);
            Save(store, files);
            json = FindBatch(storeId, id).Json;
        }

        foreach (string fileId in fileIds.Distinct())
        {
            context.Indexer.Enqueue(storeId, fileId);
        }

        return Responses.Json(json);
    }

    public HttpResponseMessage RetrieveBatch(string storeId, string batchId)
    {
        FindStore(storeId);
        return Responses.Json(FindBatch(storeId, batchId).Json);
    }

    /// <summary>
    /// Cancels a batch: its files not indexed yet become <c>cancelled</c> (the indexer skips them), and so does the
    /// batch, unless it had already finished, in which case it is returned as it is.
    /// </summary>
    public HttpResponseMessage CancelBatch(string storeId, string batchId)
    {
        using (context.Enter(storeId))
        {
            StoredDoc store = FindStore(storeId);
            StoredDoc batch = FindBatch(storeId, batchId);
            if ((string?)batch.Json["status"] != "in_progress")
            {
                return Responses.Json(batch.Json);
            }

            HashSet<string> members = [.. VectorStoreCounts.FileIds(batch)];
            List<StoredDoc> cancelled = [];
            foreach (StoredDoc file in context.Docs.List(DocKinds.VectorStoreFile, storeId))
            {
                if (members.Contains(file.Id) && (string?)file.Json["status"] == "in_progress")
                {
                    file.Json["status"] = "cancelled";
                    cancelled.Add(file);
                }
            }

            batch.Json["status"] = "cancelled";
            context.Docs.Save([batch]);
            Save(store, cancelled);
            return Responses.Json(FindBatch(storeId, batchId).Json);
        }
    }

    /// <summary>The vector store file that adds (or re-adds) a stored file, waiting to be indexed; the caller stores it and queues it.</summary>
    public StoredDoc Attach(string storeId, string fileId, ChunkingStrategy chunking, JsonObject? attributes)
    {
        StoredDoc file = context.Docs.Find(DocKinds.File, DocKinds.Root, fileId) ?? throw ApiErrors.FileNotFound(fileId);
        var json = new JsonObject
        {
            ["id"] = fileId,
            ["object"] = "vector_store.file",
            ["usage_bytes"] = 0L,
            ["created_at"] = context.State.Now(),
            ["vector_store_id"] = storeId,
            ["status"] = "in_progress",
            ["last_error"] = null,
            ["chunking_strategy"] = chunking.ToJson(),
            ["attributes"] = attributes?.DeepClone() ?? new JsonObject(),
        };
        return new StoredDoc(DocKinds.VectorStoreFile, storeId, fileId, json);
    }

    /// <summary>
    /// Stores <paramref name="changed"/> with the vector store and its batches recounted (under the store's gate;
    /// the store may be new, with no batch yet).
    /// </summary>
    public void Save(StoredDoc store, List<StoredDoc> changed)
    {
        HashSet<string> changedIds = [.. changed.Where(doc => doc.Kind == DocKinds.VectorStoreFile).Select(doc => doc.Id)];
        List<StoredDoc> files = [.. context.Docs.List(DocKinds.VectorStoreFile, store.Id).Where(doc => !changedIds.Contains(doc.Id)),
            .. changed.Where(doc => doc.Kind == DocKinds.VectorStoreFile)];
        List<StoredDoc> batches = VectorStoreCounts.Recount(context.Docs, store, files);
        context.Docs.Save([.. changed, .. batches, store]);
    }

    /// <summary>Removes a file and its chunks from a store, if it is there (under the store's gate).</summary>
    private void Detach(string storeId, string fileId)
    {
        context.Docs.Delete(DocKinds.VectorStoreFile, storeId, fileId);
        VectorStoreIndexer.DeleteChunks(context.Docs, storeId, fileId);
    }

    /// <summary>Files listed through a batch lack <c>usage_bytes</c>, <c>chunking_strategy</c> and <c>attributes</c>, as recorded.</summary>
    private static JsonObject BatchView(JsonObject file)
    {
        file.Remove("usage_bytes");
        file.Remove("chunking_strategy");
        file.Remove("attributes");
        return file;
    }

    private StoredDoc FindStore(string id) => context.Docs.Find(DocKinds.VectorStore, DocKinds.Root, id) ?? throw ApiErrors.NotFound("vector store", id);

    private StoredDoc FindFile(string storeId, string fileId) =>
        context.Docs.Find(DocKinds.VectorStoreFile, storeId, fileId) ?? throw ApiErrors.NotFound("file", fileId);

    private StoredDoc FindBatch(string storeId, string batchId) =>
        context.Docs.Find(DocKinds.FileBatch, storeId, batchId) ?? throw ApiErrors.NotFound("file batch", batchId);
}
