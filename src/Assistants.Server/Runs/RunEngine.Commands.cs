using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Assistants.Server.Errors;
using Assistants.Server.Json;
using Assistants.Server.Storage;
using Assistants.Server.Streaming;
using Microsoft.Extensions.AI;

namespace Assistants.Server.Runs;

/// <summary>The client's commands on a run: create, cancel, submit tool outputs.</summary>
internal sealed partial class RunEngine
{
    private static readonly string[] s_overridable =
    [
        "model", "instructions", "tools", "metadata", "temperature", "top_p", "max_completion_tokens", "max_prompt_tokens",
        "truncation_strategy", "response_format", "tool_choice", "parallel_tool_calls", "reasoning_effort",
    ];

    /// <summary>
    /// Creates a queued run on the thread (call under the thread's gate, after checking the thread exists), stores it
    /// and reports it to <paramref name="events"/>; the caller then calls <see cref="Start"/>. Once the request is
    /// valid, <paramref name="attachFiles"/> is given the <c>additional_messages</c> (for their attachments) before the
    /// run is stored.
    /// </summary>
    public RunRecord Create(
        string threadId, JsonObject body, EventChannel? events, bool includeSearchContent = false, System.Action<IReadOnlyList<JsonObject>>? attachFiles = null)
    {
        string assistantId = JsonNodes.RequireString(body, "assistant_id");
        JsonObject assistant = state.Docs.Find(DocKinds.Assistant, DocKinds.Root, assistantId)?.Json ?? throw ApiErrors.NotFound("assistant", assistantId);
        if (ActiveRun(threadId) is RunRecord busy)
        {
            throw ApiErrors.ThreadBusyForRun(threadId, busy.Id);
        }

        var settings = new JsonObject
        {
            ["model"] = assistant["model"]?.DeepClone(),
            ["instructions"] = assistant["instructions"]?.DeepClone(),
            ["tools"] = assistant["tools"]?.DeepClone(),
            ["tool_resources"] = assistant["tool_resources"]?.DeepClone(),
            ["temperature"] = assistant["temperature"]?.DeepClone(),
            ["top_p"] = assistant["top_p"]?.DeepClone(),
            ["response_format"] = assistant["response_format"]?.DeepClone(),
            ["reasoning_effort"] = assistant["reasoning_effort"]?.DeepClone(),
        };
        foreach (string name in s_overridable)
        {
            if (body.TryGetPropertyValue(name, out JsonNode? value) && value is not null)
            {
                settings[name] = name switch
                {
                    "tools" => ToolsJson.Normalize(JsonNodes.GetArray(body, "tools")),
                    "metadata" => JsonNodes.Metadata(body),
                    _ => value.DeepClone(),
                };
            }
        }

        List<JsonObject> additional = ParseAdditionalMessages(threadId, body);
        string? additionalInstructions = JsonNodes.GetString(body, "additional_instructions");
        if (settings["instructions"] is null && !additional.Any(message => (string?)message["role"] == "user")
            && !state.Docs.List(DocKinds.Message, threadId).Any(message => (string?)message.Json["role"] == "user"))
        {
            throw ApiErrors.BadRequest(
                "Run creation requires a Thread with a user message or an assistant with instructions.", code: "invalid_thread");
        }

        attachFiles?.Invoke(additional);

        long now = state.Now();
        string runId = state.NewId("run_");
        long expiresAt = now + (long)options.RunExpiration.TotalSeconds;
        var run = new RunRecord(runId, threadId, RunJson.Run(runId, now, expiresAt, assistantId, threadId, settings), state.Gates.Acquire(threadId))
        {
            AdditionalInstructions = additionalInstructions,
            IncludeSearchContent = includeSearchContent,
            Events = events,
        };
        foreach (JsonObject message in additional)
        {
            run.MessageChanged(message);
        }

        active.Add(run);
        Commit(run, EmitRun(run, "thread.run.created", "thread.run.queued"));
        return run;
    }

    /// <summary>Starts (or resumes) processing of a queued run on a worker (call under the gate).</summary>
    public void Start(RunRecord run) => work.Run(Prepare(run));

    /// <summary>
    /// Starts (or resumes) processing of a queued run whose events the caller streams (call under the gate): the
    /// pass itself is returned, for the caller to run with <see cref="Continue"/> once it has left the gate.
    /// </summary>
    public System.Func<System.Threading.Tasks.Task> StartStreamed(RunRecord run) => Prepare(run);

    /// <summary>
    /// Runs a pass from <see cref="StartStreamed"/> on the caller's thread (outside any gate) up to its first
    /// asynchronous wait, typically the model's first token; it goes on from there on the thread pool. What it emits
    /// until then is already queued when the response starts, so it goes out in the response's first write.
    /// </summary>
    public void Continue(System.Func<System.Threading.Tasks.Task> pass) => work.RunHere(pass);

    private System.Func<System.Threading.Tasks.Task> Prepare(RunRecord run)
    {
        run.Processing = true;

        // The delay's timer starts here, before the request returns, so a test that advances a fake clock
        // right after the POST cannot race the worker.
        System.Threading.Tasks.Task delay = options.RunStartDelay > System.TimeSpan.Zero
            ? System.Threading.Tasks.Task.Delay(options.RunStartDelay, options.TimeProvider, run.Cancellation.Token)
            : System.Threading.Tasks.Task.CompletedTask;
        return () => ProcessAsync(run, delay);
    }

    /// <summary>Moves the run to <c>cancelling</c> (call under the gate); the worker or a follow-up task finishes it as <c>cancelled</c>.</summary>
    public void Cancel(RunRecord run)
    {
        if (run.Status is not (RunStatus.Queued or RunStatus.InProgress or RunStatus.RequiresAction))
        {
            throw ApiErrors.BadRequest($"Cannot cancel run with status '{run.Status}'.");
        }

        run.Status = RunStatus.Cancelling;
        Emit(run, "thread.run.cancelling", run.Json);
        Commit(run);
        if (run.Processing)
        {
            work.Run(async () => await run.Cancellation.CancelAsync().ConfigureAwait(false));
            return;
        }

        work.Run(() =>
        {
            using (run.Gate.Enter())
            {
                if (run.Status == RunStatus.Cancelling && !run.Detached)
                {
                    Cancelled(run);
                    CloseEvents(run);
                    Commit(run);
                }
            }

            return System.Threading.Tasks.Task.CompletedTask;
        });
    }

    /// <summary>Records tool outputs and queues the run again (call under the gate); the caller then calls <see cref="Start"/>.</summary>
    public void SubmitToolOutputs(RunRecord run, JsonObject body, EventChannel? events)
    {
        if (run.Status != RunStatus.RequiresAction || run.PendingToolStep is not JsonObject step)
        {
            throw ApiErrors.BadRequest($"Runs in status \"{run.Status}\" do not accept tool outputs.");
        }

        JsonArray outputs = JsonNodes.GetArray(body, "tool_outputs") ?? throw ApiErrors.MissingParameter("tool_outputs");
        Dictionary<string, string> byCall = [];
        for (int i = 0; i < outputs.Count; i++)
        {
            JsonObject output = outputs[i] as JsonObject ?? throw ApiErrors.InvalidType($"tool_outputs[{i}]", "an object", JsonNodes.Describe(outputs[i]));
            byCall[JsonNodes.RequireString(output, "tool_call_id")] = JsonNodes.GetString(output, "output") ?? "";
        }

        JsonArray calls = (JsonArray)step["step_details"]!["tool_calls"]!;
        List<string> expected = [.. calls.Select(call => (string)call!["id"]!)];
        if (!expected.All(byCall.ContainsKey))
        {
            throw ApiErrors.BadRequest(
                $"Expected tool outputs for call_ids [{string.Join(", ", expected.Select(id => $"'{id}'"))}], got [{string.Join(", ", byCall.Keys.Select(id => $"'{id}'"))}]",
                "tool_outputs");
        }

        List<AIContent> callContents = [];
        List<AIContent> resultContents = [];
        foreach (JsonObject call in calls.OfType<JsonObject>())
        {
            string callId = (string)call["id"]!;
            JsonObject function = (JsonObject)call["function"]!;
            function["output"] = byCall[callId];
            callContents.Add(new FunctionCallContent(callId, (string)function["name"]!, ParseArguments((string?)function["arguments"])));
            resultContents.Add(new FunctionResultContent(callId, byCall[callId]));
        }

        run.ToolHistory.Add(new ChatMessage(ChatRole.Assistant, callContents));
        run.ToolHistory.Add(new ChatMessage(ChatRole.Tool, resultContents));
        step["status"] = RunStatus.Completed;
        step["completed_at"] = state.Now();
        step["usage"] = run.PendingStepUsage;
        run.StepChanged(step);
        run.PendingStepUsage = null;
        run.PendingToolStep = null;
        run.Events = events;
        Emit(run, "thread.run.step.completed", step);
        run.Status = RunStatus.Queued;
        run.Json["required_action"] = null;
        Emit(run, "thread.run.queued", run.Json);
        Commit(run);
    }

    private List<JsonObject> ParseAdditionalMessages(string threadId, JsonObject body)
    {
        List<JsonObject> result = [];
        JsonArray? messages = JsonNodes.GetArray(body, "additional_messages");
        for (int i = 0; i < (messages?.Count ?? 0); i++)
        {
            JsonObject message = messages![i] as JsonObject ?? throw ApiErrors.InvalidType($"additional_messages[{i}]", "an object", JsonNodes.Describe(messages[i]));
            result.Add(Endpoints.MessageFactory.FromRequest(state, threadId, message));
        }

        return result;
    }
}
