using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Client.Internal;

namespace Assistants.Client;

/// <summary>
/// A base for reacting to a run stream with callbacks, as Python's <c>AssistantEventHandler</c> and Node's
/// <c>AssistantStream</c> do. Override the <c>On...</c> methods you need and pass streams to
/// <see cref="ConsumeAsync"/>. The handler merges deltas into snapshots (by <c>index</c>), and keeps its state across
/// the streams of one run: hand it the stream of <see cref="RunsClient.SubmitToolOutputsStreamingAsync"/> after a
/// <c>requires_action</c> and the caller sees one run from start to end.
/// </summary>
/// <remarks>
/// Order of callbacks for a delta: <see cref="OnEvent"/>, then the step or message delta, then the tool call or text
/// callbacks. A tool call is "created" on its first delta, "delta" on later ones, and "done" exactly once: when the
/// next call of its step starts, when its step ends, or when the run reaches <c>requires_action</c> or an end.
/// Text and image file "done" fire when their message completes, with the final content the server sent.
/// Callbacks run on the thread that consumes the stream; an exception thrown by one ends the consumption.
/// </remarks>
public abstract partial class AssistantEventHandler
{
    private readonly Dictionary<string, MessageSnapshotBuilder> _messages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RunStepSnapshotBuilder> _steps = new(StringComparer.Ordinal);
    private readonly List<ThreadMessage> _finalMessages = new();
    private readonly List<RunStep> _finalSteps = new();
    private MessageSnapshotBuilder? _currentMessage;
    private RunStepSnapshotBuilder? _currentStep;
    private AsyncTextQueue? _textQueue;

    /// <summary>Initializes a handler with no state.</summary>
    protected AssistantEventHandler()
    {
    }

    /// <summary>Gets the thread a create-thread-and-run stream created, once its <c>thread.created</c> event arrived.</summary>
    public AssistantThread? CurrentThread { get; private set; }

    /// <summary>Gets the latest state of the run.</summary>
    public ThreadRun? CurrentRun { get; private set; }

    /// <summary>Gets the message being streamed, with every delta so far merged in.</summary>
    public ThreadMessage? CurrentMessageSnapshot => _currentMessage?.Snapshot;

    /// <summary>Gets the run step being streamed, with every delta so far merged in.</summary>
    public RunStep? CurrentRunStepSnapshot => _currentStep?.Snapshot;

    /// <summary>Gets the run once it reached a terminal status (completed, failed, cancelled, expired, incomplete).</summary>
    public ThreadRun? FinalRun { get; private set; }

    /// <summary>Gets the messages that completed (or ended incomplete) so far, in order, as the server finally sent them.</summary>
    public IReadOnlyList<ThreadMessage> FinalMessages => _finalMessages;

    /// <summary>Gets the run steps that ended so far, in order, as the server finally sent them.</summary>
    public IReadOnlyList<RunStep> FinalRunSteps => _finalSteps;

    /// <summary>
    /// Gets the text fragments of the run as they arrive, across the whole tool-output loop. Start reading it before
    /// (or while) <see cref="ConsumeAsync"/> runs: fragments are queued from the first access on. It ends when a
    /// consumed stream ends without the run waiting for tool outputs, and fails when the stream fails.
    /// </summary>
    public IAsyncEnumerable<string> TextDeltas => (_textQueue ??= new AsyncTextQueue()).ReadAllAsync();

    /// <summary>
    /// Reads a run stream to its end through the callbacks, then disposes it. Call it again with the stream of
    /// <see cref="RunsClient.SubmitToolOutputsStreamingAsync"/> to continue the same run on the same handler.
    /// </summary>
    /// <param name="stream">The run stream.</param>
    /// <param name="cancellationToken">Stops reading; the stream is disposed (which can cancel the run, see <see cref="RunStream.CancelRunOnAbandon"/>).</param>
    /// <returns>A task that completes when the stream ended and <see cref="OnEnd"/> ran.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="AssistantsApiException">The stream sent an <c>error</c> event or unreadable data (<see cref="OnError"/> ran first).</exception>
    /// <exception cref="StreamEndedEarlyException">The stream was cut in the middle of an event or the connection broke; the snapshots stay readable.</exception>
    /// <exception cref="AssistantsTimeoutException">The stream sent nothing for <see cref="TimeoutOptions.StreamIdle"/> (<see cref="AssistantsTimeoutKind.StreamIdle"/>); the snapshots stay readable.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task ConsumeAsync(RunStream stream, CancellationToken cancellationToken = default)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        try
        {
            await foreach (StreamingUpdate update in stream.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                Dispatch(update);
            }
        }
        catch (Exception ex)
        {
            OnError(ex);
            _textQueue?.Complete(ex);
            throw;
        }
        finally
        {
            await stream.DisposeAsync().ConfigureAwait(false);
        }

        CloseOpenToolCalls();
        if (CurrentRun is null || CurrentRun.Status != RunStatus.RequiresAction)
        {
            _textQueue?.Complete();
        }

        OnEnd(CurrentRun);
    }

    /// <summary>
    /// Ends <see cref="TextDeltas"/> when a tool loop stops while the run waits for tool outputs (the run expired
    /// during the functions, a function failed, or the caller cancelled); no-op once it ended.
    /// </summary>
    internal void CompleteTextDeltas(Exception? error) => _textQueue?.Complete(error);

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
}
