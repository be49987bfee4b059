using System;
using System.Collections.Generic;
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
internal sealed class RunEndpoints(ServerContext context, ThreadEndpoints threads, ToolResourceStores toolStores)
{
    public async Task<HttpResponseMessage> CreateAsync(ApiRequest request, string threadId, CancellationToken cancellationToken)
    {
        JsonObject body = await request.ReadBodyAsync(Validation.BodyLimits.Run, cancellationToken).ConfigureAwait(false);
        EventChannel? events = JsonNodes.GetBool(body, "stream") ? new EventChannel() : null;
        JsonNode? snapshot;
        Func<Task>? pass;
        using (context.Enter(threadId))
        {
            context.Thread(threadId);
            RunRecord run = context.Engine.Create(threadId, body, events, RunJson.IncludesSearchContent(request), messages => AttachFiles(threadId, messages));
            snapshot = events is null ? run.Json.DeepClone() : null;
            pass = Start(run, events);
        }

        return Answer(snapshot, events, pass);
    }

    public async Task<HttpResponseMessage> CreateThreadAndRunAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        JsonObject body = await request.ReadBodyAsync(Validation.BodyLimits.ThreadAndRun, cancellationToken).ConfigureAwait(false);
        EventChannel? events = JsonNodes.GetBool(body, "stream") ? new EventChannel() : null;
        string assistantId = JsonNodes.RequireString(body, "assistant_id");
        if (!context.Docs.Exists(DocKinds.Assistant, DocKinds.Root, assistantId))
        {
            throw ApiErrors.NotFound("assistant", assistantId);
        }

        JsonObject thread = threads.Create(JsonNodes.GetObject(body, "thread") ?? []);
        string threadId = (string)thread["id"]!;
        JsonNode? snapshot;
        Func<Task>? pass;
        using (context.Enter(threadId))
        {
            events?.Emit("thread.created", ThreadEndpoints.Expanded(thread));
            RunRecord run = context.Engine.Create(threadId, body, events, RunJson.IncludesSearchContent(request), messages => AttachFiles(threadId, messages));
            snapshot = events is null ? run.Json.DeepClone() : null;
            pass = Start(run, events);
        }

        return Answer(snapshot, events, pass);
    }

    public HttpResponseMessage Retrieve(string threadId, string runId)
    {
        using (context.Enter(threadId))
        {
            return Responses.Json(context.Run(threadId, runId).DeepClone());
        }
    }

    public async Task<HttpResponseMessage> ModifyAsync(ApiRequest request, string threadId, string runId, CancellationToken cancellationToken)
    {
        JsonObject body = await request.ReadBodyAsync(Validation.BodyLimits.Metadata, cancellationToken).ConfigureAwait(false);
        using (context.Enter(threadId))
        {
            if (context.Engine.Live(threadId, runId) is RunRecord live)
            {
                live.Json["metadata"] = JsonNodes.Metadata(body, (JsonObject?)live.Json["metadata"]?.DeepClone());
                context.Engine.Commit(live);
                return Responses.Json(live.Json.DeepClone());
            }

            context.Thread(threadId);
            StoredDoc run = context.Docs.Find(DocKinds.Run, threadId, runId) ?? throw ApiErrors.NotFound("run", runId);
            run.Json["metadata"] = JsonNodes.Metadata(body, (JsonObject?)run.Json["metadata"]?.DeepClone());
            context.Docs.Save([run]);
            return Responses.Json(run.Json);
        }
    }

    public HttpResponseMessage List(ApiRequest request, string threadId)
    {
        using (context.Enter(threadId))
        {
            context.Thread(threadId);
            context.Engine.ActiveRun(threadId);
            return Responses.Json(Pagination.Page(request, ServerContext.Items(context.Docs.List(DocKinds.Run, threadId))));
        }
    }

    public HttpResponseMessage Cancel(string threadId, string runId)
    {
        using (context.Enter(threadId))
        {
            RunRecord run = Live(threadId, runId, status => ApiErrors.BadRequest($"Cannot cancel run with status '{status}'."));
            context.Engine.Cancel(run);
            return Responses.Json(run.Json.DeepClone());
        }
    }

    public async Task<HttpResponseMessage> SubmitToolOutputsAsync(ApiRequest request, string threadId, string runId, CancellationToken cancellationToken)
    {
        JsonObject body = await request.ReadBodyAsync(cancellationToken).ConfigureAwait(false);
        EventChannel? events = JsonNodes.GetBool(body, "stream") ? new EventChannel() : null;
        JsonNode? snapshot;
        Func<Task>? pass;
        using (context.Enter(threadId))
        {
            RunRecord run = Live(threadId, runId, status => ApiErrors.BadRequest($"Runs in status \"{status}\" do not accept tool outputs."));
            context.Engine.SubmitToolOutputs(run, body, events);
            snapshot = events is null ? run.Json.DeepClone() : null;
            pass = Start(run, events);
        }

        return Answer(snapshot, events, pass);
    }

    public HttpResponseMessage ListSteps(ApiRequest request, string threadId, string runId)
    {
        using (context.Enter(threadId))
        {
            context.Run(threadId, runId);
            return Responses.Json(Pagination.Page(request, ServerContext.Items(context.Docs.List(DocKinds.Step, runId),
                step => RunJson.StepView(step, RunJson.IncludesSearchContent(request)))));
        }
    }

    public HttpResponseMessage RetrieveStep(ApiRequest request, string threadId, string runId, string stepId)
    {
        using (context.Enter(threadId))
        {
            context.Run(threadId, runId);
            JsonObject step = context.Docs.Find(DocKinds.Step, runId, stepId)?.Json ?? throw ApiErrors.NotFound("step", stepId);
            return Responses.Json(RunJson.StepView(step, RunJson.IncludesSearchContent(request)));
        }
    }

    /// <summary>
    /// The <c>file_search</c> attachments of a run's <c>additional_messages</c> join the thread's vector store, as
    /// create-message's do (call under the thread's gate); a store made for the thread is saved with it.
    /// </summary>
    private void AttachFiles(string threadId, IReadOnlyList<JsonObject> messages)
    {
        StoredDoc thread = context.Thread(threadId);
        if (toolStores.AttachFiles(thread.Json, messages))
        {
            context.Docs.Save([thread]);
        }
    }

    /// <summary>The active run, or the error a finished run gives for the command (404 when there is no such run).</summary>
    private RunRecord Live(string threadId, string runId, System.Func<string?, ApiException> finished)
    {
        if (context.Engine.Live(threadId, runId) is RunRecord live)
        {
            return live;
        }

        throw finished((string?)context.Run(threadId, runId)["status"]);
    }

    /// <summary>Starts the run (call under the gate): on a worker, or, when it streams, by <see cref="Answer"/> after the gate is left.</summary>
    private Func<Task>? Start(RunRecord run, EventChannel? events)
    {
        if (events is not null)
        {
            return context.Engine.StartStreamed(run);
        }

        context.Engine.Start(run);
        return null;
    }

    private HttpResponseMessage Answer(JsonNode? snapshot, EventChannel? events, Func<Task>? pass)
    {
        if (events is null)
        {
            return Responses.Json(snapshot!);
        }

        if (pass is not null)
        {
            context.Engine.Continue(pass);
        }

        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new EventStreamContent(events) };
    }
}
