using System.Linq;
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

/// <summary><c>/threads/{thread_id}/messages</c>: create, retrieve, modify, delete, list (with <c>run_id</c>).</summary>
internal sealed class MessageEndpoints(ServerContext context, ToolResourceStores toolStores)
{
    public async Task<HttpResponseMessage> CreateAsync(ApiRequest request, string threadId, CancellationToken cancellationToken)
    {
        JsonObject body = await request.ReadBodyAsync(Validation.BodyLimits.Metadata, cancellationToken).ConfigureAwait(false);
        using (context.Enter(threadId))
        {
            if (context.Engine.ActiveRun(threadId) is RunRecord active)
            {
                throw ApiErrors.ThreadBusyForMessage(threadId, active.Id);
            }

            StoredDoc thread = context.Thread(threadId);
            JsonObject message = MessageFactory.FromRequest(context.State, threadId, body);
            context.Docs.Save(toolStores.AttachFiles(thread.Json, [message]) ? [thread, MessageFactory.Doc(message)] : [MessageFactory.Doc(message)]);
            return Responses.Json(MessageJson.ForApi(message));
        }
    }

    public HttpResponseMessage Retrieve(string threadId, string messageId) =>
        Responses.Json(MessageJson.ForApi(Find(threadId, messageId).Json));

    public async Task<HttpResponseMessage> ModifyAsync(ApiRequest request, string threadId, string messageId, CancellationToken cancellationToken)
    {
        JsonObject body = await request.ReadBodyAsync(Validation.BodyLimits.Metadata, cancellationToken).ConfigureAwait(false);
        using (context.Enter(threadId))
        {
            StoredDoc message = Find(threadId, messageId);
            message.Json["metadata"] = JsonNodes.Metadata(body, (JsonObject?)message.Json["metadata"]?.DeepClone());
            context.Docs.Save([message]);
            return Responses.Json(MessageJson.ForModify(message.Json));
        }
    }

    public HttpResponseMessage Delete(string threadId, string messageId)
    {
        using (context.Enter(threadId))
        {
            Find(threadId, messageId);
            context.Docs.Delete(DocKinds.Message, threadId, messageId);
            return Responses.Deleted(messageId, "thread.message.deleted");
        }
    }

    public HttpResponseMessage List(ApiRequest request, string threadId)
    {
        string? runId = request.Query("run_id");
        context.Thread(threadId);
        var items = ServerContext.Items(context.Docs.List(DocKinds.Message, threadId), message => MessageJson.ForApi(message))
            .Where(pair => runId is null || (string?)pair.Value["run_id"] == runId);
        return Responses.Json(Pagination.Page(request, items));
    }

    private StoredDoc Find(string threadId, string messageId)
    {
        context.Thread(threadId);
        return context.Docs.Find(DocKinds.Message, threadId, messageId) ?? throw ApiErrors.NotFound("message", messageId);
    }
}
