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
    /// Adds streamed text. When the run searched files, text from a <c>【</c> up to its <c>】</c> is held back, so
    /// that a citation marker reaches the client as one delta carrying its <c>file_citation</c> annotation, as the
    /// service streams it.
    /// </summary>
    public void AppendText(string chunk)
    {
        EstimatedOutputTokens++;
        if (run.FileSearch is null)
        {
            EmitText(chunk, null);
            return;
        }

        _held.Append(chunk);
        Release(final: false);
    }

    private void Release(bool final)
    {
        while (_held.Length > 0)
        {
            string held = _held.ToString();
            int open = held.IndexOf('【', System.StringComparison.Ordinal);
            int close = open < 0 ? -1 : held.IndexOf('】', open);
            int take = open switch
            {
                < 0 => held.Length,
                > 0 => open,
                _ when close >= 0 => close + 1,
                _ when final || held.Length > MaxMarkerLength => held.Length,
                _ => 0,
            };
            if (take == 0)
            {
                return;
            }

            string text = held[..take];
            _held.Remove(0, take);
            EmitText(text, open == 0 && close >= 0 ? run.FileSearch!.FileIdOf(text) : null);
        }
    }

    private void EmitText(string chunk, string? citedFileId)
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
        if (citedFileId is null)
        {
            run.Events?.Emit(JsonNodes.TextDeltaFrame(_messageId!, chunk, withAnnotations: first));
            return;
        }

        JsonObject part = MessageJson.TextPart(chunk, withAnnotations: first);
        part.Insert(0, "index", 0);
        if (citedFileId is not null)
        {
            _annotations.Add((JsonNode)Citation(chunk, start, citedFileId));
            JsonObject delta = Citation(chunk, start, citedFileId);
            delta.Insert(0, "index", _annotations.Count - 1);
            ((JsonObject)delta["file_citation"]!)["quote"] = "";
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
        AddFilePathAnnotations(_text.ToString(), _annotations);
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

    private static JsonObject Citation(string marker, int start, string fileId) => new()
    {
        ["type"] = "file_citation",
        ["text"] = marker,
        ["start_index"] = start,
        ["end_index"] = start + marker.Length,
        ["file_citation"] = new JsonObject { ["file_id"] = fileId },
    };

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
