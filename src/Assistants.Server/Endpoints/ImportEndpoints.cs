using System.Collections.Generic;
using System.IO;
using System.Net;
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
/// <c>POST /_import</c>: stores exported objects as they are (ids, timestamps, runs and steps kept), one batch of one
/// kind per request, in one transaction; <c>POST /_import/files/{id}/content</c>: a file's bytes. Off unless
/// <see cref="AssistantsServerOptions.EnableImport"/>; behind the API key like every route (docs/migration.md).
/// </summary>
internal sealed class ImportEndpoints(ServerContext context, bool enabled)
{
    private static readonly HashSet<string> s_terminalRuns = ["completed", "failed", "cancelled", "expired", "incomplete"];

    public async Task<HttpResponseMessage> ImportAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        EnsureEnabled();
        JsonObject body = await request.ReadBodyAsync(cancellationToken).ConfigureAwait(false);
        string kind = JsonNodes.RequireString(body, "kind");
        JsonArray objects = JsonNodes.GetArray(body, "objects") ?? throw ApiErrors.MissingParameter("objects");
        List<StoredDoc> docs = [];
        HashSet<string> batch = [];
        for (int i = 0; i < objects.Count; i++)
        {
            JsonObject json = objects[i] as JsonObject ?? throw ApiErrors.InvalidType($"objects[{i}]", "an object", JsonNodes.Describe(objects[i]));
            StoredDoc doc = ToDoc(kind, (JsonObject)json.DeepClone(), i);
            if (!batch.Add(doc.Parent + "/" + doc.Id) || context.Docs.Find(doc.Kind, doc.Parent, doc.Id) is not null)
            {
                throw new ApiException(HttpStatusCode.Conflict, $"A {kind} with id '{doc.Id}' already exists; nothing of this batch was imported.", $"objects[{i}].id", "already_exists");
            }

            docs.Add(doc);
        }

        context.Docs.Save(docs);
        return Responses.Json(new JsonObject { ["object"] = "import.batch", ["kind"] = kind, ["imported"] = docs.Count });
    }

    public async Task<HttpResponseMessage> ImportContentAsync(ApiRequest request, string fileId, CancellationToken cancellationToken)
    {
        EnsureEnabled();
        if (context.Docs.Find(DocKinds.File, DocKinds.Root, fileId) is null)
        {
            throw ApiErrors.FileNotFound(fileId);
        }

        using (Stream? existing = context.Docs.OpenContent(fileId))
        {
            if (existing is not null)
            {
                throw new ApiException(HttpStatusCode.Conflict, $"The file '{fileId}' already has content.", "id", "already_exists");
            }
        }

        Stream content = request.Message.Content is HttpContent body
            ? await body.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false)
            : Stream.Null;
        long length = await context.Docs.WriteContentAsync(fileId, content, cancellationToken).ConfigureAwait(false);
        return Responses.Json(new JsonObject { ["object"] = "import.file_content", ["id"] = fileId, ["bytes"] = length });
    }

    private void EnsureEnabled()
    {
        if (!enabled)
        {
            throw new ApiException(HttpStatusCode.Forbidden, "The import route is off on this server (AssistantsServerOptions.EnableImport).", type: "permission_error", code: "import_disabled");
        }
    }

    /// <summary>The stored document of one exported object, after checking that its parent exists.</summary>
    private StoredDoc ToDoc(string kind, JsonObject json, int index)
    {
        string id = Require(json, "id", index);
        switch (kind)
        {
            case "assistant": return new StoredDoc(DocKinds.Assistant, DocKinds.Root, id, json);
            case "thread": return new StoredDoc(DocKinds.Thread, DocKinds.Root, id, json);
            case "vector_store": return new StoredDoc(DocKinds.VectorStore, DocKinds.Root, id, json);
            case "file": return new StoredDoc(DocKinds.File, DocKinds.Root, id, json);
            case "message":
                return new StoredDoc(DocKinds.Message, ThreadOf(json, index), id, WithMessageStatus(json));
            case "run":
                string runStatus = Require(json, "status", index);
                if (!s_terminalRuns.Contains(runStatus))
                {
                    throw ApiErrors.BadRequest($"Run '{id}' is {runStatus}; only runs that have ended can be imported.", $"objects[{index}].status", "invalid_value");
                }

                return new StoredDoc(DocKinds.Run, ThreadOf(json, index), id, json);
            case "run_step":
                string threadId = ThreadOf(json, index);
                string runId = Require(json, "run_id", index);
                _ = context.Docs.Find(DocKinds.Run, threadId, runId) ?? throw ApiErrors.NotFound("run", runId);
                return new StoredDoc(DocKinds.Step, runId, id, json);
            case "vector_store_file":
                string storeId = Require(json, "vector_store_id", index);
                _ = context.Docs.Find(DocKinds.VectorStore, DocKinds.Root, storeId) ?? throw ApiErrors.NotFound("vector store", storeId);
                return new StoredDoc(DocKinds.VectorStoreFile, storeId, id, json);
            default:
                throw ApiErrors.BadRequest(
                    $"Invalid value: '{kind}'. Supported values are: 'assistant', 'thread', 'message', 'run', 'run_step', 'vector_store', 'vector_store_file' and 'file'.", "kind", "invalid_value");
        }
    }

    private string ThreadOf(JsonObject json, int index)
    {
        string threadId = Require(json, "thread_id", index);
        context.Thread(threadId);
        return threadId;
    }

    /// <summary>Messages are stored with the status fields that only streamed events show (list and retrieve drop them).</summary>
    private static JsonObject WithMessageStatus(JsonObject json)
    {
        if (!json.ContainsKey("status"))
        {
            json["status"] = "completed";
            json["incomplete_details"] = null;
            json["incomplete_at"] = null;
            json["completed_at"] = json["created_at"]?.DeepClone();
        }

        return json;
    }

    private static string Require(JsonObject json, string name, int index) =>
        JsonNodes.GetString(json, name) is { Length: > 0 } value ? value : throw ApiErrors.MissingParameter($"objects[{index}].{name}");
}
