using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Server.Errors;
using Assistants.Server.Json;
using Assistants.Server.Routing;
using Assistants.Server.Storage;

namespace Assistants.Server.Endpoints;

/// <summary><c>/assistants</c>: create, retrieve, modify, delete, list.</summary>
internal sealed class AssistantEndpoints(ServerContext context, ToolResourceStores toolStores)
{
    private static readonly string[] s_plainFields = ["name", "description", "model", "instructions", "reasoning_effort"];

    public async Task<HttpResponseMessage> CreateAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        JsonObject body = await request.ReadBodyAsync(Validation.BodyLimits.Assistant, cancellationToken).ConfigureAwait(false);
        JsonNodes.RequireString(body, "model");
        string id = context.State.NewId("asst_");
        var assistant = new JsonObject
        {
            ["id"] = id,
            ["object"] = "assistant",
            ["created_at"] = context.State.Now(),
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
        context.Docs.Save([new StoredDoc(DocKinds.Assistant, DocKinds.Root, id, assistant)]);
        return Responses.Json(assistant);
    }

    public HttpResponseMessage Retrieve(string id) => Responses.Json(Find(id).Json);

    public async Task<HttpResponseMessage> ModifyAsync(ApiRequest request, string id, CancellationToken cancellationToken)
    {
        JsonObject body = await request.ReadBodyAsync(Validation.BodyLimits.Assistant, cancellationToken).ConfigureAwait(false);
        using (context.Enter(id))
        {
            StoredDoc assistant = Find(id);
            Apply(assistant.Json, body);
            context.Docs.Save([assistant]);
            return Responses.Json(assistant.Json);
        }
    }

    public HttpResponseMessage Delete(string id)
    {
        if (!context.Docs.Delete(DocKinds.Assistant, DocKinds.Root, id))
        {
            throw ApiErrors.NotFound("assistant", id);
        }

        return Responses.Deleted(id, "assistant.deleted");
    }

    public HttpResponseMessage List(ApiRequest request) =>
        Responses.Json(Pagination.Page(request, ServerContext.Items(context.Docs.List(DocKinds.Assistant, DocKinds.Root))));

    private StoredDoc Find(string id) => context.Docs.Find(DocKinds.Assistant, DocKinds.Root, id) ?? throw ApiErrors.NotFound("assistant", id);

    private void Apply(JsonObject assistant, JsonObject body)
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

        foreach (string field in new[] { "temperature", "top_p", "response_format" })
        {
            if (body[field] is JsonNode value)
            {
                assistant[field] = value.DeepClone();
            }
        }

        if (JsonNodes.GetObject(body, "tool_resources") is JsonObject resources)
        {
            assistant["tool_resources"] = toolStores.Resolve(resources);
        }

        assistant["metadata"] = JsonNodes.Metadata(body, (JsonObject?)assistant["metadata"]?.DeepClone());
    }
}
