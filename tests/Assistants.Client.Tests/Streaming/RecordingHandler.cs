using System;
using System.Collections.Generic;
using System.Linq;

namespace Assistants.Client.Tests.Streaming;

/// <summary>A handler that writes down every callback, and the reconstructed text of each message just before it completes.</summary>
internal sealed class RecordingHandler : AssistantEventHandler
{
    private readonly Dictionary<string, ThreadMessage> _snapshots = new();

    public List<string> Calls { get; } = new();

    public Dictionary<string, string> ReconstructedText { get; } = new();

    public List<RunStepToolCall> DoneToolCalls { get; } = new();

    public List<ThreadRun> RunEvents { get; } = new();

    public List<string> TextDone { get; } = new();

    protected override void OnEvent(StreamingUpdate update)
    {
        if (update is MessageUpdate { EventType: var type, Message: var message } && type == StreamingEventType.MessageCompleted)
        {
            ReconstructedText[message.Id] = Text(CurrentMessageSnapshot);
        }

        if (update is RunUpdate run)
        {
            RunEvents.Add(run.Run);
        }
    }

    public static string Text(ThreadMessage? message)
        => string.Concat((message?.Content ?? Array.Empty<MessageContent>()).OfType<MessageTextContent>().Select(c => c.Text?.Value));

    protected override void OnRunStatusChanged(ThreadRun run) => Calls.Add("run " + run.Status);

    protected override void OnRunStepCreated(RunStep runStep) => Calls.Add("step created " + runStep.Id);

    protected override void OnRunStepDone(RunStep runStep) => Calls.Add("step done " + runStep.Id);

    protected override void OnToolCallCreated(RunStepToolCall toolCall) => Calls.Add("tool created " + toolCall.Id);

    public List<int> SnapshotLengths { get; } = new();

    protected override void OnToolCallDelta(RunStepToolCallDelta delta, RunStepToolCallSnapshot snapshot)
    {
        Calls.Add("tool delta " + snapshot.Id);
        SnapshotLengths.Add(snapshot.ArgumentsLength);
    }

    protected override void OnToolCallDone(RunStepToolCall toolCall)
    {
        Calls.Add("tool done " + toolCall.Id);
        DoneToolCalls.Add(toolCall);
    }

    protected override void OnMessageCreated(ThreadMessage message) => Calls.Add("message created " + message.Id);

    protected override void OnMessageDone(ThreadMessage message)
    {
        Calls.Add("message done " + message.Id);
        _snapshots[message.Id] = message;
    }

    /// <summary>Gets every message seen, in order of its first delta or completion, as last known (completed or cut off).</summary>
    public IEnumerable<ThreadMessage> Messages => _snapshots.Values;

    protected override void OnMessageDelta(MessageDeltaUpdate update)
    {
        if (CurrentMessageSnapshot is { } snapshot)
        {
            _snapshots[snapshot.Id] = snapshot;
        }
    }

    protected override void OnTextCreated(int contentIndex) => Calls.Add("text created " + contentIndex);

    protected override void OnTextDone(MessageText text, int contentIndex)
    {
        Calls.Add("text done " + contentIndex);
        TextDone.Add(text.Value ?? string.Empty);
    }

    protected override void OnImageFileDone(ImageFile imageFile, int contentIndex) => Calls.Add("image done " + imageFile.FileId);

    protected override void OnUnknownEvent(UnknownStreamingUpdate update) => Calls.Add("unknown " + update.EventType);

    protected override void OnError(Exception exception) => Calls.Add("error " + exception.GetType().Name);

    protected override void OnEnd(ThreadRun? run) => Calls.Add("end " + run?.Status);
}
