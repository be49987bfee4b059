using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Server.Errors;
using Assistants.Server.Json;
using Assistants.Server.Routing;
using Assistants.Server.Storage;

namespace Assistants.Server.Endpoints;

/// <summary><c>/threads</c>: create, retrieve, modify, delete.</summary>
internal sealed class ThreadEndpoints(ServerContext context)
{
    public async Task<HttpResponseMessage> CreateAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        JsonObject body = await request.ReadBodyAsync(Validation.BodyLimits.Thread, cancellationToken).ConfigureAwait(false);
        lock (context.Store.Gate)
        {
            return Responses.Json(Create(body).Json.DeepClone());
        }
    }

    /// <summary>Creates a thread and its initial messages (call under the lock).</summary>
    public ThreadRecord Create(JsonObject body)
    {
        string id = context.Store.NewId("thread_");
        var json = new JsonObject
        {
            ["id"] = id,
            ["object"] = "thread",
            ["created_at"] = context.Store.Now(),
            ["metadata"] = JsonNodes.Metadata(body),
            ["tool_resources"] = JsonNodes.GetObject(body, "tool_resources")?.DeepClone() ?? new JsonObject(),
        };
        var thread = new ThreadRecord(id, json);
        JsonArray messages = JsonNodes.GetArray(body, "messages") ?? [];
        for (int i = 0; i < messages.Count; i++)
        {
            JsonObject message = messages[i] as JsonObject ?? throw ApiErrors.InvalidType($"messages[{i}]", "an object", JsonNodes.Describe(messages[i]));
            JsonObject stored = MessageFactory.FromRequest(context.Store, id, message);
            thread.Messages.Add((string)stored["id"]!, stored);
        }

        context.Store.Threads.Add(id, thread);
        return thread;
    }

    /// <summary>Retrieve (and the stream's <c>thread.created</c>) spell out empty tool resources, as the service does.</summary>
    public static JsonObject Expanded(ThreadRecord thread)
    {
        var json = (JsonObject)thread.Json.DeepClone();
        if (json["tool_resources"] is JsonObject { Count: 0 })
        {
            json["tool_resources"] = new JsonObject { ["code_interpreter"] = new JsonObject { ["file_ids"] = new JsonArray() } };
        }

        return json;
    }

    public HttpResponseMessage Retrieve(string id)
    {
        lock (context.Store.Gate)
        {
            return Responses.Json(Expanded(context.Thread(id)));
        }
    }

    public async Task<HttpResponseMessage> ModifyAsync(ApiRequest request, string id, CancellationToken cancellationToken)
    {
        JsonObject body = await request.ReadBodyAsync(Validation.BodyLimits.Metadata, cancellationToken).ConfigureAwait(false);
        lock (context.Store.Gate)
        {
            ThreadRecord thread = context.Thread(id);
            thread.Json["metadata"] = JsonNodes.Metadata(body, (JsonObject?)thread.Json["metadata"]?.DeepClone());
            if (JsonNodes.GetObject(body, "tool_resources") is JsonObject resources)
            {
                thread.Json["tool_resources"] = resources.DeepClone();
            }

            return Responses.Json(thread.Json.DeepClone());
        }
    }

    public HttpResponseMessage Delete(string id)
    {
        lock (context.Store.Gate)
        {
            context.Thread(id);
            context.Store.Threads.Remove(id);
            return Responses.Deleted(id, "thread.deleted");
        }
    }
}
