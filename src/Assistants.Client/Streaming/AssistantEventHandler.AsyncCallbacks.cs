using System;
using System.Threading;
using System.Threading.Tasks;

namespace Assistants.Client;

/// <summary>
/// The asynchronous callbacks. Each is awaited in order before the next event is read; the default implementation
/// calls the synchronous callback and completes synchronously, so a handler that overrides none of them allocates
/// nothing more per event. Override one to do I/O per event (push text to a hub, write to a database) without blocking.
/// </summary>
public abstract partial class AssistantEventHandler
{
    /// <summary>The asynchronous form of <see cref="OnEvent"/>, awaited before the consumption goes on; the default calls <see cref="OnEvent"/>.</summary>
    /// <param name="update">As for <see cref="OnEvent"/>.</param>
    /// <param name="cancellationToken">The token given to <see cref="ConsumeAsync(RunStream, CancellationToken)"/> (or to the tool loop).</param>
    /// <returns>A task that completes when the callback is done; a completed one when not overridden.</returns>
    protected virtual ValueTask OnEventAsync(StreamingUpdate update, CancellationToken cancellationToken)
    {
        OnEvent(update);
        return default;
    }

    /// <summary>The asynchronous form of <see cref="OnRunStatusChanged"/>, awaited before the consumption goes on; the default calls <see cref="OnRunStatusChanged"/>.</summary>
    /// <param name="run">As for <see cref="OnRunStatusChanged"/>.</param>
    /// <param name="cancellationToken">The token given to <see cref="ConsumeAsync(RunStream, CancellationToken)"/> (or to the tool loop).</param>
    /// <returns>A task that completes when the callback is done; a completed one when not overridden.</returns>
    protected virtual ValueTask OnRunStatusChangedAsync(ThreadRun run, CancellationToken cancellationToken)
    {
        OnRunStatusChanged(run);
        return default;
    }

    /// <summary>The asynchronous form of <see cref="OnRunStepCreated"/>, awaited before the consumption goes on; the default calls <see cref="OnRunStepCreated"/>.</summary>
    /// <param name="runStep">As for <see cref="OnRunStepCreated"/>.</param>
    /// <param name="cancellationToken">The token given to <see cref="ConsumeAsync(RunStream, CancellationToken)"/> (or to the tool loop).</param>
    /// <returns>A task that completes when the callback is done; a completed one when not overridden.</returns>
    protected virtual ValueTask OnRunStepCreatedAsync(RunStep runStep, CancellationToken cancellationToken)
    {
        OnRunStepCreated(runStep);
        return default;
    }

    /// <summary>The asynchronous form of <see cref="OnRunStepDelta"/>, awaited before the consumption goes on; the default calls <see cref="OnRunStepDelta"/>.</summary>
    /// <param name="delta">As for <see cref="OnRunStepDelta"/>.</param>
    /// <param name="cancellationToken">The token given to <see cref="ConsumeAsync(RunStream, CancellationToken)"/> (or to the tool loop).</param>
    /// <returns>A task that completes when the callback is done; a completed one when not overridden.</returns>
    protected virtual ValueTask OnRunStepDeltaAsync(RunStepDeltaUpdate delta, CancellationToken cancellationToken)
    {
        OnRunStepDelta(delta);
        return default;
    }

    /// <summary>The asynchronous form of <see cref="OnRunStepDone"/>, awaited before the consumption goes on; the default calls <see cref="OnRunStepDone"/>.</summary>
    /// <param name="runStep">As for <see cref="OnRunStepDone"/>.</param>
    /// <param name="cancellationToken">The token given to <see cref="ConsumeAsync(RunStream, CancellationToken)"/> (or to the tool loop).</param>
    /// <returns>A task that completes when the callback is done; a completed one when not overridden.</returns>
    protected virtual ValueTask OnRunStepDoneAsync(RunStep runStep, CancellationToken cancellationToken)
    {
        OnRunStepDone(runStep);
        return default;
    }

    /// <summary>The asynchronous form of <see cref="OnToolCallCreated"/>, awaited before the consumption goes on; the default calls <see cref="OnToolCallCreated"/>.</summary>
    /// <param name="toolCall">As for <see cref="OnToolCallCreated"/>.</param>
    /// <param name="cancellationToken">The token given to <see cref="ConsumeAsync(RunStream, CancellationToken)"/> (or to the tool loop).</param>
    /// <returns>A task that completes when the callback is done; a completed one when not overridden.</returns>
    protected virtual ValueTask OnToolCallCreatedAsync(RunStepToolCall toolCall, CancellationToken cancellationToken)
    {
        OnToolCallCreated(toolCall);
        return default;
    }

    /// <summary>The asynchronous form of <see cref="OnToolCallDelta"/>, awaited before the consumption goes on; the default calls <see cref="OnToolCallDelta"/>.</summary>
    /// <param name="delta">As for <see cref="OnToolCallDelta"/>.</param>
    /// <param name="snapshot">As for <see cref="OnToolCallDelta"/>.</param>
    /// <param name="cancellationToken">The token given to <see cref="ConsumeAsync(RunStream, CancellationToken)"/> (or to the tool loop).</param>
    /// <returns>A task that completes when the callback is done; a completed one when not overridden.</returns>
    protected virtual ValueTask OnToolCallDeltaAsync(RunStepToolCallDelta delta, RunStepToolCallSnapshot snapshot, CancellationToken cancellationToken)
    {
        OnToolCallDelta(delta, snapshot);
        return default;
    }

    /// <summary>The asynchronous form of <see cref="OnToolCallDone"/>, awaited before the consumption goes on; the default calls <see cref="OnToolCallDone"/>.</summary>
    /// <param name="toolCall">As for <see cref="OnToolCallDone"/>.</param>
    /// <param name="cancellationToken">The token given to <see cref="ConsumeAsync(RunStream, CancellationToken)"/> (or to the tool loop).</param>
    /// <returns>A task that completes when the callback is done; a completed one when not overridden.</returns>
    protected virtual ValueTask OnToolCallDoneAsync(RunStepToolCall toolCall, CancellationToken cancellationToken)
    {
        OnToolCallDone(toolCall);
        return default;
    }

    /// <summary>The asynchronous form of <see cref="OnMessageCreated"/>, awaited before the consumption goes on; the default calls <see cref="OnMessageCreated"/>.</summary>
    /// <param name="message">As for <see cref="OnMessageCreated"/>.</param>
    /// <param name="cancellationToken">The token given to <see cref="ConsumeAsync(RunStream, CancellationToken)"/> (or to the tool loop).</param>
    /// <returns>A task that completes when the callback is done; a completed one when not overridden.</returns>
    protected virtual ValueTask OnMessageCreatedAsync(ThreadMessage message, CancellationToken cancellationToken)
    {
        OnMessageCreated(message);
        return default;
    }

    /// <summary>The asynchronous form of <see cref="OnMessageDelta"/>, awaited before the consumption goes on; the default calls <see cref="OnMessageDelta"/>.</summary>
    /// <param name="delta">As for <see cref="OnMessageDelta"/>.</param>
    /// <param name="cancellationToken">The token given to <see cref="ConsumeAsync(RunStream, CancellationToken)"/> (or to the tool loop).</param>
    /// <returns>A task that completes when the callback is done; a completed one when not overridden.</returns>
    protected virtual ValueTask OnMessageDeltaAsync(MessageDeltaUpdate delta, CancellationToken cancellationToken)
    {
        OnMessageDelta(delta);
        return default;
    }

    /// <summary>The asynchronous form of <see cref="OnMessageDone"/>, awaited before the consumption goes on; the default calls <see cref="OnMessageDone"/>.</summary>
    /// <param name="message">As for <see cref="OnMessageDone"/>.</param>
    /// <param name="cancellationToken">The token given to <see cref="ConsumeAsync(RunStream, CancellationToken)"/> (or to the tool loop).</param>
    /// <returns>A task that completes when the callback is done; a completed one when not overridden.</returns>
    protected virtual ValueTask OnMessageDoneAsync(ThreadMessage message, CancellationToken cancellationToken)
    {
        OnMessageDone(message);
        return default;
    }

    /// <summary>The asynchronous form of <see cref="OnTextCreated"/>, awaited before the consumption goes on; the default calls <see cref="OnTextCreated"/>.</summary>
    /// <param name="contentIndex">As for <see cref="OnTextCreated"/>.</param>
    /// <param name="cancellationToken">The token given to <see cref="ConsumeAsync(RunStream, CancellationToken)"/> (or to the tool loop).</param>
    /// <returns>A task that completes when the callback is done; a completed one when not overridden.</returns>
    protected virtual ValueTask OnTextCreatedAsync(int contentIndex, CancellationToken cancellationToken)
    {
        OnTextCreated(contentIndex);
        return default;
    }

    /// <summary>The asynchronous form of <see cref="OnTextDelta"/>, awaited before the consumption goes on; the default calls <see cref="OnTextDelta"/>.</summary>
    /// <param name="text">As for <see cref="OnTextDelta"/>.</param>
    /// <param name="contentIndex">As for <see cref="OnTextDelta"/>.</param>
    /// <param name="cancellationToken">The token given to <see cref="ConsumeAsync(RunStream, CancellationToken)"/> (or to the tool loop).</param>
    /// <returns>A task that completes when the callback is done; a completed one when not overridden.</returns>
    protected virtual ValueTask OnTextDeltaAsync(string text, int contentIndex, CancellationToken cancellationToken)
    {
        OnTextDelta(text, contentIndex);
        return default;
    }

    /// <summary>The asynchronous form of <see cref="OnTextDone"/>, awaited before the consumption goes on; the default calls <see cref="OnTextDone"/>.</summary>
    /// <param name="text">As for <see cref="OnTextDone"/>.</param>
    /// <param name="contentIndex">As for <see cref="OnTextDone"/>.</param>
    /// <param name="cancellationToken">The token given to <see cref="ConsumeAsync(RunStream, CancellationToken)"/> (or to the tool loop).</param>
    /// <returns>A task that completes when the callback is done; a completed one when not overridden.</returns>
    protected virtual ValueTask OnTextDoneAsync(MessageText text, int contentIndex, CancellationToken cancellationToken)
    {
        OnTextDone(text, contentIndex);
        return default;
    }

    /// <summary>The asynchronous form of <see cref="OnImageFileDone"/>, awaited before the consumption goes on; the default calls <see cref="OnImageFileDone"/>.</summary>
    /// <param name="imageFile">As for <see cref="OnImageFileDone"/>.</param>
    /// <param name="contentIndex">As for <see cref="OnImageFileDone"/>.</param>
    /// <param name="cancellationToken">The token given to <see cref="ConsumeAsync(RunStream, CancellationToken)"/> (or to the tool loop).</param>
    /// <returns>A task that completes when the callback is done; a completed one when not overridden.</returns>
    protected virtual ValueTask OnImageFileDoneAsync(ImageFile imageFile, int contentIndex, CancellationToken cancellationToken)
    {
        OnImageFileDone(imageFile, contentIndex);
        return default;
    }

    /// <summary>The asynchronous form of <see cref="OnUnknownEvent"/>, awaited before the consumption goes on; the default calls <see cref="OnUnknownEvent"/>.</summary>
    /// <param name="update">As for <see cref="OnUnknownEvent"/>.</param>
    /// <param name="cancellationToken">The token given to <see cref="ConsumeAsync(RunStream, CancellationToken)"/> (or to the tool loop).</param>
    /// <returns>A task that completes when the callback is done; a completed one when not overridden.</returns>
    protected virtual ValueTask OnUnknownEventAsync(UnknownStreamingUpdate update, CancellationToken cancellationToken)
    {
        OnUnknownEvent(update);
        return default;
    }

    /// <summary>The asynchronous form of <see cref="OnError"/>, awaited before the consumption goes on; the default calls <see cref="OnError"/>.</summary>
    /// <param name="exception">As for <see cref="OnError"/>.</param>
    /// <param name="cancellationToken">The token given to <see cref="ConsumeAsync(RunStream, CancellationToken)"/> (or to the tool loop).</param>
    /// <returns>A task that completes when the callback is done; a completed one when not overridden.</returns>
    protected virtual ValueTask OnErrorAsync(Exception exception, CancellationToken cancellationToken)
    {
        OnError(exception);
        return default;
    }

    /// <summary>The asynchronous form of <see cref="OnEnd"/>, awaited before the consumption goes on; the default calls <see cref="OnEnd"/>.</summary>
    /// <param name="run">As for <see cref="OnEnd"/>.</param>
    /// <param name="cancellationToken">The token given to <see cref="ConsumeAsync(RunStream, CancellationToken)"/> (or to the tool loop).</param>
    /// <returns>A task that completes when the callback is done; a completed one when not overridden.</returns>
    protected virtual ValueTask OnEndAsync(ThreadRun? run, CancellationToken cancellationToken)
    {
        OnEnd(run);
        return default;
    }

    /// <summary>The asynchronous form of <see cref="OnStreamRecovered"/>, awaited before the consumption goes on; the default calls <see cref="OnStreamRecovered"/>.</summary>
    /// <param name="recovery">As for <see cref="OnStreamRecovered"/>.</param>
    /// <param name="cancellationToken">The token given to <see cref="ConsumeAsync(RunStream, CancellationToken)"/> (or to the tool loop).</param>
    /// <returns>A task that completes when the callback is done; a completed one when not overridden.</returns>
    protected virtual ValueTask OnStreamRecoveredAsync(StreamRecoveryInfo recovery, CancellationToken cancellationToken)
    {
        OnStreamRecovered(recovery);
        return default;
    }
}
