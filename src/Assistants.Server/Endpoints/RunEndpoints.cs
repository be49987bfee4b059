using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Server.Errors;
using Assistants.Server.Json;
using Assistants.Server.Routing;
using Assistants.Server.Runs;
using Assistants.Server.Storage;
using Assistants.Server.Streaming;

namespace Assistants.Server.Endpoints;

/// <summary>Runs and run steps; with <c>"stream": true</c> the answer is the run's event stream.</summary>
internal sealed class RunEndpoints(ServerContext context, ThreadEndpoints threads)
{
    public async Task<HttpResponseMessage> CreateAsync(ApiRequest request, string threadId, CancellationToken cancellationToken)
    {
        JsonObject body = await request.ReadBodyAsync(Validation.BodyLimits.Run, cancellationToken).ConfigureAwait(false);
        EventChannel? events = JsonNodes.GetBool(body, "stream") ? new EventChannel() : null;
        RunRecord run;
        JsonNode snapshot;
        lock (context.Store.Gate)
        {
            run = context.Engine.Create(context.Thread(threadId), body, events);
            snapshot = run.Json.DeepClone();
            context.Engine.Start(run);
        }

        return Answer(snapshot, events);
    }

    public async Task<HttpResponseMessage> CreateThreadAndRunAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        JsonObject body = await request.ReadBodyAsync(Validation.BodyLimits.ThreadAndRun, cancellationToken).ConfigureAwait(false);
        EventChannel? events = JsonNodes.GetBool(body, "stream") ? new EventChannel() : null;
        JsonNode snapshot;
        lock (context.Store.Gate)
        {
            string assistantId = JsonNodes.RequireString(body, "assistant_id");
            if (context.Store.Assistants.Find(assistantId) is null)
            {
                throw ApiErrors.NotFound("assistant", assistantId);
            }

            ThreadRecord thread = threads.Create(JsonNodes.GetObject(body, "thread") ?? []);
            events?.Emit("thread.created", ThreadEndpoints.Expanded(thread));
            RunRecord run = context.Engine.Create(thread, body, events);
            snapshot = run.Json.DeepClone();
            context.Engine.Start(run);
        }

        return Answer(snapshot, events);
    }

    public HttpResponseMessage Retrieve(string threadId, string runId)
    {
        lock (context.Store.Gate)
        {
            return Responses.Json(context.Run(threadId, runId).Json.DeepClone());
        }
    }

    public async Task<HttpResponseMessage> ModifyAsync(ApiRequest request, string threadId, string runId, CancellationToken cancellationToken)
    {
        JsonObject body = await request.ReadBodyAsync(Validation.BodyLimits.Metadata, cancellationToken).ConfigureAwait(false);
        lock (context.Store.Gate)
        {
            RunRecord run = context.Run(threadId, runId);
            run.Json["metadata"] = JsonNodes.Metadata(body, (JsonObject?)run.Json["metadata"]?.DeepClone());
            return Responses.Json(run.Json.DeepClone());
        }
    }

    public HttpResponseMessage List(ApiRequest request, string threadId)
    {
        lock (context.Store.Gate)
        {
            ThreadRecord thread = context.Thread(threadId);
            context.Engine.ExpireDue(thread);
            return Responses.Json(Pagination.Page(request, ServerContext.Snapshots(thread.Runs, run => run.Json.DeepClone())));
        }
    }

    public HttpResponseMessage Cancel(string threadId, string runId)
    {
        lock (context.Store.Gate)
        {
            RunRecord run = context.Run(threadId, runId);
            context.Engine.Cancel(run);
            return Responses.Json(run.Json.DeepClone());
        }
    }

    public async Task<HttpResponseMessage> SubmitToolOutputsAsync(ApiRequest request, string threadId, string runId, CancellationToken cancellationToken)
    {
        JsonObject body = await request.ReadBodyAsync(cancellationToken).ConfigureAwait(false);
        EventChannel? events = JsonNodes.GetBool(body, "stream") ? new EventChannel() : null;
        JsonNode snapshot;
        lock (context.Store.Gate)
        {
            RunRecord run = context.Run(threadId, runId);
            context.Engine.SubmitToolOutputs(run, body, events);
            snapshot = run.Json.DeepClone();
            context.Engine.Start(run);
        }

        return Answer(snapshot, events);
    }

    public HttpResponseMessage ListSteps(ApiRequest request, string threadId, string runId)
    {
        lock (context.Store.Gate)
        {
            RunRecord run = context.Run(threadId, runId);
            return Responses.Json(Pagination.Page(request, ServerContext.Snapshots(run.Steps, step => step.DeepClone())));
        }
    }

    public HttpResponseMessage RetrieveStep(string threadId, string runId, string stepId)
    {
        lock (context.Store.Gate)
        {
            JsonObject step = context.Run(threadId, runId).Steps.Find(stepId) ?? throw ApiErrors.NotFound("step", stepId);
            return Responses.Json(step.DeepClone());
        }
    }

    private static HttpResponseMessage Answer(JsonNode snapshot, EventChannel? events) =>
        events is null ? Responses.Json(snapshot) : new HttpResponseMessage(HttpStatusCode.OK) { Content = new EventStreamContent(events) };
}
