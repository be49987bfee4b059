using System.Text;
using System.Text.Json.Nodes;
using Assistants.Server.Json;
using Assistants.Server.Storage;

namespace Assistants.Server.Runs;

/// <summary>
/// What one model turn has produced so far: the message being written and the tool calls being made, with the
/// stream events the service sends for each (call every member under the run's gate).
/// </summary>
internal sealed partial class TurnState(RunRecord run, ServerState store)
{
    /// <summary>A marker longer than this is not one of ours: the held text goes out as plain text.</summary>
    private const int MaxMarkerLength = 300;

    private readonly StringBuilder _text = new();
    private readonly StringBuilder _held = new();
    private readonly JsonArray _annotations = [];
    private JsonObject? _messageStep;
    private JsonObject? _message;
    private string? _messageId;
    private JsonObject? _toolStep;
    private int _calls;

    public long EstimatedOutputTokens { get; private set; }

    /// <summary>
    /// Adds streamed text. Text that may become an annotation is held back until it is complete, so that it reaches
    /// the client as one delta carrying its annotation, as the service streams it: when the run searched files, a
    /// citation marker from <c>【</c> to <c>】</c> (<c>file_citation</c>); when the code wrote files, a
    /// <c>sandbox:/mnt/data/</c> link to one of them (<c>file_path</c>).
    /// </summary>
    public void AppendText(string chunk)
    {
        EstimatedOutputTokens++;
        if (run.FileSearch is null && _writtenFiles.Count == 0 && _held.Length == 0)
        {
            EmitText(chunk, null);
            return;
        }

        _held.Append(chunk);
        Release(final: false);
    }

    private void EmitText(string chunk, (string Type, string FileId)? annotation)
    {
        bool first = _message is null;
        if (first)
        {
            CompleteCodeStep();
            string messageId = _messageId = store.NewId("msg_");
            _messageStep = NewStep("message_creation", new JsonObject
            {
                ["type"] = "message_creation",
                ["message_creation"] = new JsonObject { ["message_id"] = messageId },
            }, savedAsSent: true);
            _message = MessageJson.Create(messageId, store.Now(), run.ThreadId, "assistant", [],
                assistantId: run.AssistantId, runId: run.Id, status: RunStatus.InProgress);
            run.Messages.Add(_message);
            run.MessageChanged(_message, Send("thread.message.created", "thread.message.in_progress", _message));
        }

        int start = _text.Length;
        _text.Append(chunk);
        if (annotation is null)
        {
            run.Events?.Emit(JsonNodes.TextDeltaFrame(_messageId!, chunk, withAnnotations: first));
            return;
        }

        JsonObject part = MessageJson.TextPart(chunk, withAnnotations: first);
        part.Insert(0, "index", 0);
        if (annotation is (string type, string fileId))
        {
            _annotations.Add((JsonNode)Annotation(type, chunk, start, fileId));
            JsonObject delta = Annotation(type, chunk, start, fileId);
            delta.Insert(0, "index", _annotations.Count - 1);
            if (type == "file_citation")
            {
                ((JsonObject)delta["file_citation"]!)["quote"] = "";
            }

            ((JsonObject)part["text"]!)["annotations"] = new JsonArray(delta);
        }

        Emit("thread.message.delta", new JsonObject
        {
            ["id"] = (string)_message!["id"]!,
            ["object"] = "thread.message.delta",
            ["delta"] = new JsonObject { ["content"] = new JsonArray(part) },
        });
    }

    public void AddCall(string? callId, string name, string arguments)
    {
        _toolStep ??= NewStep("tool_calls", new JsonObject { ["type"] = "tool_calls", ["tool_calls"] = new JsonArray() });
        run.PendingToolStep = _toolStep;
        string id = string.IsNullOrEmpty(callId) ? store.NewId("call_") : callId;
        int index = _calls++;
        EstimatedOutputTokens += 1 + (arguments.Length / 4);
        run.StepChanged(_toolStep);
        ((JsonArray)_toolStep["step_details"]!["tool_calls"]!).Add((JsonNode)new JsonObject
        {
            ["id"] = id,
            ["type"] = "function",
            ["function"] = new JsonObject { ["name"] = name, ["arguments"] = arguments, ["output"] = null },
        });
        EmitCallDelta(new JsonObject
        {
            ["index"] = index,
            ["id"] = id,
            ["type"] = "function",
            ["function"] = new JsonObject { ["name"] = name, ["arguments"] = "", ["output"] = null },
        });
        EmitCallDelta(new JsonObject
        {
            ["index"] = index,
            ["type"] = "function",
            ["function"] = new JsonObject { ["arguments"] = arguments },
        });
    }

    /// <summary>Completes (or, when the output was cut, leaves incomplete) the message and its step.</summary>
    public void FinishMessage(bool truncated, JsonObject usage)
    {
        Release(final: true);
        CompleteCodeStep();
        if (_message is null || _messageStep is null)
        {
            return;
        }

        long now = store.Now();
        JsonObject content = MessageJson.TextPart(_text.ToString());
        content["text"]!["annotations"] = _annotations.DeepClone();
        _message["content"] = new JsonArray(content);
        if (truncated)
        {
            _message["status"] = "incomplete";
            _message["incomplete_at"] = now;
            _message["incomplete_details"] = new JsonObject { ["reason"] = "max_tokens" };
        }
        else
        {
            _message["status"] = "completed";
            _message["completed_at"] = now;
        }

        // Neither changes again before the run's commit that follows, so the store takes the bytes the events carried.
        run.MessageChanged(_message, Send(truncated ? "thread.message.incomplete" : "thread.message.completed", null, _message));
        _messageStep["status"] = "completed";
        _messageStep["completed_at"] = now;
        _messageStep["usage"] = _toolStep is null && !UsageOnCodeStep(usage) ? usage : null;
        run.StepChanged(_messageStep, Send("thread.run.step.completed", null, _messageStep));
    }

    /// <summary>Moves the run to <c>requires_action</c> when the turn called functions.</summary>
    public bool RequireAction(JsonObject usage)
    {
        if (_toolStep is null)
        {
            return false;
        }

        JsonArray calls = [];
        foreach (JsonNode? call in (JsonArray)_toolStep["step_details"]!["tool_calls"]!)
        {
            calls.Add((JsonNode)new JsonObject
            {
                ["id"] = call!["id"]!.DeepClone(),
                ["type"] = "function",
                ["function"] = new JsonObject
                {
                    ["name"] = call["function"]!["name"]!.DeepClone(),
                    ["arguments"] = call["function"]!["arguments"]!.DeepClone(),
                },
            });
        }

        run.PendingStepUsage = usage;
        run.Status = RunStatus.RequiresAction;
        run.Json["required_action"] = new JsonObject
        {
            ["type"] = "submit_tool_outputs",
            ["submit_tool_outputs"] = new JsonObject { ["tool_calls"] = calls },
        };
        return true;
    }

    /// <summary>Creates, records and announces a step; <paramref name="savedAsSent"/> when it does not change before the next commit.</summary>
    private JsonObject NewStep(string type, JsonObject details, bool savedAsSent = false)
    {
        string stepId = store.NewId("step_");
        JsonObject step = RunJson.Step(stepId, store.Now(), run, type, details);
        run.Steps.Add(step);
        byte[] sent = Send("thread.run.step.created", "thread.run.step.in_progress", step);
        run.StepChanged(step, savedAsSent ? sent : null);
        return step;
    }

    /// <summary>Writes <paramref name="data"/> as UTF-8 once, sends it as one event (or two), and returns it for the store.</summary>
    private byte[] Send(string eventName, string? secondEvent, JsonObject data)
    {
        byte[] json = JsonNodes.ToUtf8(data);
        run.Events?.Emit(eventName, secondEvent, json);
        return json;
    }

    private void EmitCallDelta(JsonObject call) => Emit("thread.run.step.delta", new JsonObject
    {
        ["id"] = (string)_toolStep!["id"]!,
        ["object"] = "thread.run.step.delta",
        ["delta"] = new JsonObject
        {
            ["step_details"] = new JsonObject { ["type"] = "tool_calls", ["tool_calls"] = new JsonArray(call) },
        },
    });

    private void Emit(string eventName, JsonObject data) => run.Events?.Emit(eventName, data);
}
