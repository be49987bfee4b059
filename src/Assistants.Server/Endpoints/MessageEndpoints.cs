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
internal sealed class MessageEndpoints(ServerContext context)
{
    public async Task<HttpResponseMessage> CreateAsync(ApiRequest request, string threadId, CancellationToken cancellationToken)
    {
        JsonObject body = await request.ReadBodyAsync(Validation.BodyLimits.Metadata, cancellationToken).ConfigureAwait(false);
        lock (context.Store.Gate)
        {
            ThreadRecord thread = context.Thread(threadId);
            context.Engine.ExpireDue(thread);
            if (thread.ActiveRun is RunRecord active)
            {
                throw ApiErrors.ThreadBusyForMessage(threadId, active.Id);
            }

            JsonObject message = MessageFactory.FromRequest(context.Store, threadId, body);
            thread.Messages.Add((string)message["id"]!, message);
            return Responses.Json(MessageJson.ForApi(message));
        }
    }

    public HttpResponseMessage Retrieve(string threadId, string messageId)
    {
        lock (context.Store.Gate)
        {
            return Responses.Json(MessageJson.ForApi(Find(threadId, messageId)));
        }
    }

    public async Task<HttpResponseMessage> ModifyAsync(ApiRequest request, string threadId, string messageId, CancellationToken cancellationToken)
    {
        JsonObject body = await request.ReadBodyAsync(Validation.BodyLimits.Metadata, cancellationToken).ConfigureAwait(false);
        lock (context.Store.Gate)
        {
            JsonObject message = Find(threadId, messageId);
            message["metadata"] = JsonNodes.Metadata(body, (JsonObject?)message["metadata"]?.DeepClone());
            return Responses.Json(MessageJson.ForModify(message));
        }
    }

    public HttpResponseMessage Delete(string threadId, string messageId)
    {
        lock (context.Store.Gate)
        {
            Find(threadId, messageId);
            context.Thread(threadId).Messages.Remove(messageId);
            return Responses.Deleted(messageId, "thread.message.deleted");
        }
    }

    public HttpResponseMessage List(ApiRequest request, string threadId)
    {
        string? runId = request.Query("run_id");
        lock (context.Store.Gate)
        {
            ThreadRecord thread = context.Thread(threadId);
            var items = ServerContext.Snapshots(thread.Messages, message => (JsonNode)MessageJson.ForApi(message))
                .Where(pair => runId is null || (string?)pair.Value["run_id"] == runId);
            return Responses.Json(Pagination.Page(request, items));
        }
    }

    private JsonObject Find(string threadId, string messageId) =>
        context.Thread(threadId).Messages.Find(messageId) ?? throw ApiErrors.NotFound("message", messageId);
}
