using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace Assistants.Client.Tests.Streaming.Recovery;

/// <summary>
/// A handler that writes down every callback (ids left out, so two runs of one script compare equal) and sums up
/// its final state: the text it was given, the completed messages, the ended steps and the final run.
/// </summary>
internal sealed class TranscriptHandler : AssistantEventHandler
{
    private readonly StringBuilder _text = new();

    public List<string> Lines { get; } = new();

    /// <summary>Gets a task that completes once <see cref="OpenGateAt"/> lines were written (the cut may then happen).</summary>
    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Gets or sets a line whose arrival completes <see cref="Gate"/>.</summary>
    public string? OpenGateAt { get; set; }

    public StreamRecoveryInfo? Recovery { get; private set; }

    /// <summary>Gets the text of every <see cref="OnTextDelta"/>, concatenated.</summary>
    public string TextSeen => _text.ToString();

    /// <summary>The handler's end state, as lines that do not depend on ids or timing.</summary>
    public List<string> State()
    {
        List<string> state = new() { "text seen: " + TextSeen };
        state.AddRange(FinalMessages.Select(m => "message " + m.Status + ": " + m.Role + ": " + Text(m)));
        state.AddRange(FinalRunSteps.Select(s => "step " + s.Type + " " + s.Status + Calls(s)));
        state.Add("final run: " + FinalRun?.Status);
        return state;
    }

    public static string Text(ThreadMessage? message)
        => string.Concat((message?.Content ?? Array.Empty<MessageContent>()).OfType<MessageTextContent>().Select(c => c.Text?.Value));

    private static string Calls(RunStep step)
        => step.Details is RunStepToolCallDetails { ToolCalls: { } calls }
            ? " " + string.Join(", ", calls.OfType<RunStepFunctionToolCall>().Select(c => c.FunctionName + c.FunctionArguments + " -> " + c.FunctionOutput))
            : string.Empty;

    private void Write(string line)
    {
        Lines.Add(line);
        if (line == OpenGateAt)
        {
            Gate.TrySetResult();
        }
    }

    private string Mark => IsRecovering ? "  [recovered] " : "  ";

    protected override void OnStreamRecovered(StreamRecoveryInfo recovery)
    {
        Recovery = recovery;
        Write("-- stream recovered (" + recovery.Cause?.GetType().Name + "), run " + recovery.Run.Status + " --");
    }

    protected override void OnRunStatusChanged(ThreadRun run) => Write(Mark + "run " + run.Status);

    protected override void OnRunStepCreated(RunStep runStep) => Write(Mark + "step created " + runStep.Type);

    protected override void OnRunStepDone(RunStep runStep) => Write(Mark + "step done " + runStep.Type + " " + runStep.Status);

    protected override void OnToolCallCreated(RunStepToolCall toolCall) => Write(Mark + "tool call created " + (toolCall as RunStepFunctionToolCall)?.FunctionName);

    protected override void OnToolCallDelta(RunStepToolCallDelta delta, RunStepToolCallSnapshot snapshot)
        => Write(Mark + "tool call delta " + (delta as RunStepFunctionToolCallDelta)?.Function?.Arguments);

    protected override void OnToolCallDone(RunStepToolCall toolCall) => Write(Mark + "tool call done " + (toolCall as RunStepFunctionToolCall)?.FunctionName + (toolCall as RunStepFunctionToolCall)?.FunctionArguments);

    protected override void OnMessageCreated(ThreadMessage message) => Write(Mark + "message created " + message.Role);

    protected override void OnTextDelta(string text, int contentIndex)
    {
        _text.Append(text);
        Write(Mark + "text delta \"" + text + "\"");
    }

    protected override void OnMessageDone(ThreadMessage message) => Write(Mark + "message done \"" + Text(message) + "\"");

    protected override void OnEnd(ThreadRun? run) => Write(Mark + "end " + run?.Status);
}
