using System.Linq;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Server.Errors;
using Assistants.Server.Json;
using Assistants.Server.Routing;
using Assistants.Server.Runs;
using Assistants.Server.Storage;

namespace Assistants.Server.Endpoints;

/// <summary><c>/threads</c>: create, list (as Foundry serves it), retrieve, modify, delete.</summary>
internal sealed class ThreadEndpoints(ServerContext context, ToolResourceStores toolStores)
{
    public async Task<HttpResponseMessage> CreateAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        JsonObject body = await request.ReadBodyAsync(Validation.BodyLimits.Thread, cancellationToken).ConfigureAwait(false);
        return Responses.Json(Create(body));
    }

    /// <summary>Creates and stores a thread and its initial messages; nobody knows its id yet, so no gate is needed.</summary>
    public JsonObject Create(JsonObject body)
    {
        string id = context.State.NewId("thread_");
        var json = new JsonObject
        {
            ["id"] = id,
            ["object"] = "thread",
            ["created_at"] = context.State.Now(),
            ["metadata"] = JsonNodes.Metadata(body),
            ["tool_resources"] = JsonNodes.GetObject(body, "tool_resources") is JsonObject resources ? toolStores.Resolve(resources) : new JsonObject(),
        };
        List<StoredDoc> docs = [new StoredDoc(DocKinds.Thread, DocKinds.Root, id, json)];
        JsonArray messages = JsonNodes.GetArray(body, "messages") ?? [];
        List<JsonObject> created = [];
        for (int i = 0; i < messages.Count; i++)
        {
            JsonObject message = messages[i] as JsonObject ?? throw ApiErrors.InvalidType($"messages[{i}]", "an object", JsonNodes.Describe(messages[i]));
            created.Add(MessageFactory.FromRequest(context.State, id, message));
        }

        toolStores.AttachFiles(json, created);
        docs.AddRange(created.Select(MessageFactory.Doc));

        context.Docs.Save(docs);
        return json;
    }

    /// <summary>Retrieve (and the stream's <c>thread.created</c>) spell out empty tool resources, as the service does.</summary>
    public static JsonObject Expanded(JsonObject thread)
    {
        var json = (JsonObject)thread.DeepClone();
        if (json["tool_resources"] is JsonObject { Count: 0 })
        {
            json["tool_resources"] = new JsonObject { ["code_interpreter"] = new JsonObject { ["file_ids"] = new JsonArray() } };
        }

        return json;
    }

    /// <summary><c>GET /threads</c>: not in OpenAI's protocol; served as Foundry serves it, so threads can be listed for export.</summary>
    public HttpResponseMessage List(ApiRequest request) =>
        Responses.Json(Pagination.Page(request, ServerContext.Items(context.Docs.List(DocKinds.Thread, DocKinds.Root), Expanded)));

    public HttpResponseMessage Retrieve(string id) => Responses.Json(Expanded(context.Thread(id).Json));

    public async Task<HttpResponseMessage> ModifyAsync(ApiRequest request, string id, CancellationToken cancellationToken)
    {
        JsonObject body = await request.ReadBodyAsync(Validation.BodyLimits.Metadata, cancellationToken).ConfigureAwait(false);
        using (context.Enter(id))
        {
            StoredDoc thread = context.Thread(id);
            thread.Json["metadata"] = JsonNodes.Metadata(body, (JsonObject?)thread.Json["metadata"]?.DeepClone());
            if (JsonNodes.GetObject(body, "tool_resources") is JsonObject resources)
            {
                thread.Json["tool_resources"] = resources.DeepClone();
            }

            context.Docs.Save([thread]);
            return Responses.Json(thread.Json);
        }
    }

    public HttpResponseMessage Delete(string id)
    {
        using (context.Enter(id))
        {
            context.Thread(id);
            if (context.Engine.ActiveRun(id) is RunRecord active)
            {
                context.Engine.Detach(active);
            }

            context.Docs.Delete(DocKinds.Thread, DocKinds.Root, id);
            return Responses.Deleted(id, "thread.deleted");
        }
    }
}
