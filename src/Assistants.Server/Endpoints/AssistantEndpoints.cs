using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Server.Errors;
using Assistants.Server.Json;
using Assistants.Server.Routing;

namespace Assistants.Server.Endpoints;

/// <summary><c>/assistants</c>: create, retrieve, modify, delete, list.</summary>
internal sealed class AssistantEndpoints(ServerContext context)
{
    private static readonly string[] s_plainFields = ["name", "description", "model", "instructions", "reasoning_effort"];

    public async Task<HttpResponseMessage> CreateAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        JsonObject body = await request.ReadBodyAsync(Validation.BodyLimits.Assistant, cancellationToken).ConfigureAwait(false);
        JsonNodes.RequireString(body, "model");
        lock (context.Store.Gate)
        {
            string id = context.Store.NewId("asst_");
            var assistant = new JsonObject
            {
                ["id"] = id,
                ["object"] = "assistant",
                ["created_at"] = context.Store.Now(),
                ["name"] = null,
                ["description"] = null,
                ["model"] = null,
                ["instructions"] = null,
                ["tools"] = new JsonArray(),
                ["top_p"] = JsonNodes.One(),
                ["temperature"] = JsonNodes.One(),
                ["reasoning_effort"] = null,
                ["tool_resources"] = new JsonObject(),
                ["metadata"] = new JsonObject(),
                ["response_format"] = "auto",
            };
            Apply(assistant, body);
            context.Store.Assistants.Add(id, assistant);
            return Responses.Json(assistant.DeepClone());
        }
    }

    public HttpResponseMessage Retrieve(string id)
    {
        lock (context.Store.Gate)
        {
            return Responses.Json(Find(id).DeepClone());
        }
    }

    public async Task<HttpResponseMessage> ModifyAsync(ApiRequest request, string id, CancellationToken cancellationToken)
    {
        JsonObject body = await request.ReadBodyAsync(Validation.BodyLimits.Assistant, cancellationToken).ConfigureAwait(false);
        lock (context.Store.Gate)
        {
            JsonObject assistant = Find(id);
            Apply(assistant, body);
            return Responses.Json(assistant.DeepClone());
        }
    }

    public HttpResponseMessage Delete(string id)
    {
        lock (context.Store.Gate)
        {
            Find(id);
            context.Store.Assistants.Remove(id);
            return Responses.Deleted(id, "assistant.deleted");
        }
    }

    public HttpResponseMessage List(ApiRequest request)
    {
        lock (context.Store.Gate)
        {
            return Responses.Json(Pagination.Page(request, ServerContext.Snapshots(context.Store.Assistants, item => item.DeepClone())));
        }
    }

    private JsonObject Find(string id) => context.Store.Assistants.Find(id) ?? throw ApiErrors.NotFound("assistant", id);

    private static void Apply(JsonObject assistant, JsonObject body)
    {
        foreach (string field in s_plainFields)
        {
            if (body.ContainsKey(field))
            {
                assistant[field] = JsonNodes.GetString(body, field);
            }
        }

        if (body["tools"] is not null)
        {
            assistant["tools"] = ToolsJson.Normalize(JsonNodes.GetArray(body, "tools"));
        }

        foreach (string field in new[] { "temperature", "top_p", "response_format", "tool_resources" })
        {
            if (body[field] is JsonNode value)
            {
                assistant[field] = value.DeepClone();
            }
        }

        assistant["metadata"] = JsonNodes.Metadata(body, (JsonObject?)assistant["metadata"]?.DeepClone());
    }
}
