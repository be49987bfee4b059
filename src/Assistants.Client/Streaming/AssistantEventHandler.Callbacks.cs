using System;

namespace Assistants.Client;

/// <summary>The synchronous callbacks; each is called by the default implementation of its asynchronous form.</summary>
public abstract partial class AssistantEventHandler
{
    /// <summary>Called first for every event, before the specific callbacks.</summary>
    /// <param name="update">The event.</param>
    protected virtual void OnEvent(StreamingUpdate update)
    {
    }

    /// <summary>Called when the run's status changes (including the first run event of the handler).</summary>
    /// <param name="run">The run as the payload states it.</param>
    protected virtual void OnRunStatusChanged(ThreadRun run)
    {
    }

    /// <summary>Called when a run step is created.</summary>
    /// <param name="runStep">The step.</param>
    protected virtual void OnRunStepCreated(RunStep runStep)
    {
    }

    /// <summary>Called for each delta of a run step. Read <see cref="CurrentRunStepSnapshot"/> for the step so far
    /// (built when read), and <see cref="OnToolCallDelta"/> for the tool call deltas.</summary>
    /// <param name="delta">The delta event; <see cref="RunStepDeltaUpdate.Delta"/> gives the full delta.</param>
    protected virtual void OnRunStepDelta(RunStepDeltaUpdate delta)
    {
    }

    /// <summary>Called once when a run step ends (completed, failed, cancelled or expired).</summary>
    /// <param name="runStep">The step as the server finally sent it.</param>
    protected virtual void OnRunStepDone(RunStep runStep)
    {
    }

    /// <summary>Called on the first delta of a tool call.</summary>
    /// <param name="toolCall">The tool call so far (id, type, function name).</param>
    protected virtual void OnToolCallCreated(RunStepToolCall toolCall)
    {
    }

    /// <summary>Called on each later delta of a tool call.</summary>
    /// <param name="delta">The delta: for a function call, <see cref="RunStepFunctionToolCallDelta.Function"/>'s
    /// <c>Arguments</c> is the fragment this event appends.</param>
    /// <param name="snapshot">The tool call with every delta so far merged in, as a live view: its
    /// <see cref="RunStepToolCallSnapshot.Arguments"/> and <see cref="RunStepToolCallSnapshot.ToToolCall"/> are built
    /// only when read, so a handler that reads the fragments from <paramref name="delta"/> pays nothing for it.</param>
    protected virtual void OnToolCallDelta(RunStepToolCallDelta delta, RunStepToolCallSnapshot snapshot)
    {
    }

    /// <summary>Called exactly once per tool call, when the next call starts, its step ends or the run pauses or ends.</summary>
    /// <param name="toolCall">The complete tool call.</param>
    protected virtual void OnToolCallDone(RunStepToolCall toolCall)
    {
    }

    /// <summary>Called when a message is created.</summary>
    /// <param name="message">The message (usually with empty content).</param>
    protected virtual void OnMessageCreated(ThreadMessage message)
    {
    }

    /// <summary>Called for each delta of a message. Read <see cref="CurrentMessageSnapshot"/> for the message so far.</summary>
    /// <param name="delta">The delta.</param>
    protected virtual void OnMessageDelta(MessageDeltaUpdate delta)
    {
    }

    /// <summary>Called once when a message completes or ends incomplete, after its text and image file callbacks.</summary>
    /// <param name="message">The message as the server finally sent it.</param>
    protected virtual void OnMessageDone(ThreadMessage message)
    {
    }

    /// <summary>Called when a new text part of a message starts (before its first <see cref="OnTextDelta"/>).</summary>
    /// <param name="contentIndex">The index of the part in the message's content.</param>
    protected virtual void OnTextCreated(int contentIndex)
    {
    }

    /// <summary>Called for each text fragment. Read <see cref="CurrentMessageSnapshot"/> for the text so far, and
    /// <see cref="OnMessageDelta"/> for annotation deltas.</summary>
    /// <param name="text">The fragment.</param>
    /// <param name="contentIndex">The index of the text part it extends.</param>
    protected virtual void OnTextDelta(string text, int contentIndex)
    {
    }

    /// <summary>Called once per text part when its message completes, with the final text and annotations.</summary>
    /// <param name="text">The final text.</param>
    /// <param name="contentIndex">The index of the part in the message's content.</param>
    protected virtual void OnTextDone(MessageText text, int contentIndex)
    {
    }

    /// <summary>Called once per image file part when its message completes.</summary>
    /// <param name="imageFile">The image file.</param>
    /// <param name="contentIndex">The index of the part in the message's content.</param>
    protected virtual void OnImageFileDone(ImageFile imageFile, int contentIndex)
    {
    }

    /// <summary>Called for an event whose name this library does not know; the stream goes on.</summary>
    /// <param name="update">The event with its raw data.</param>
    protected virtual void OnUnknownEvent(UnknownStreamingUpdate update)
    {
    }

    /// <summary>Called when a consumed stream fails, before <see cref="ConsumeAsync"/> rethrows the exception.</summary>
    /// <param name="exception">The error.</param>
    protected virtual void OnError(Exception exception)
    {
    }

    /// <summary>Called when a consumed stream ended normally: the run paused for tool outputs or ended.</summary>
    /// <param name="run">The latest state of the run, if a run event arrived.</param>
    protected virtual void OnEnd(ThreadRun? run)
    {
    }

    /// <summary>
    /// Called once when a broken stream is recovered: the run was found (and polled until it paused or ended), and
    /// the events that follow replay what the stream did not deliver (<see cref="IsRecovering"/> is <c>true</c> for them).
    /// </summary>
    /// <param name="recovery">What broke and which run is continued.</param>
    protected virtual void OnStreamRecovered(StreamRecoveryInfo recovery)
    {
    }
}
