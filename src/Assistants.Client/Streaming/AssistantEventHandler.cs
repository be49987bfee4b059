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
/// Callbacks run on the thread that consumes the stream, one at a time, in this order.
/// <para>Every callback has an asynchronous form (<c>On...Async</c>, with the consumption's cancellation token) that
/// is awaited before the next event is read; its default implementation calls the synchronous one, so override either.
/// When a subclass overrides both, only the asynchronous one is called, and the synchronous one runs only if the
/// asynchronous override calls <c>base</c>. Time spent in a callback never counts as server silence for
/// <see cref="TimeoutOptions.StreamIdle"/>.</para>
/// <para>An exception thrown by a callback (or its token's cancellation) ends the consumption like a caller that left
/// the stream: it surfaces from <see cref="ConsumeAsync"/>, the stream is disposed, and a run still going is cancelled
/// when <see cref="RunStream.CancelRunOnAbandon"/> is set.</para>
/// <para>A stream that breaks is recovered when <see cref="RunStream.RecoverOnBreak"/> is set (the default): the
/// handler polls the run and receives the rest of it (see <see cref="OnStreamRecovered"/>).</para>
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
    private bool _callbackFailed;

    /// <summary>Initializes a handler with no state.</summary>
    protected AssistantEventHandler()
    {
    }

    /// <summary>Gets a value indicating whether the events being delivered are replayed by a stream recovery (polled
    /// from the server after the stream broke), not read from the stream.</summary>
    public bool IsRecovering { get; private set; }

    /// <summary>Gets the number of broken streams this handler recovered.</summary>
    public int RecoveredStreams { get; private set; }

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
    /// <param name="cancellationToken">Stops reading; the stream is disposed (which can cancel the run, see
    /// <see cref="RunStream.CancelRunOnAbandon"/>). Passed to every asynchronous callback.</param>
    /// <returns>A task that completes when the stream ended and <see cref="OnEnd"/> ran.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="AssistantsApiException">The stream sent an <c>error</c> event or unreadable data (<see cref="OnError"/> ran first).</exception>
    /// <exception cref="StreamEndedEarlyException">The stream was cut in the middle of an event or the connection broke
    /// and <see cref="RunStream.RecoverOnBreak"/> is off, or the run cannot be recovered (a create-thread-and-run stream
    /// cut before <c>thread.created</c>); the snapshots stay readable.</exception>
    /// <exception cref="AssistantsTimeoutException">The stream sent nothing for <see cref="TimeoutOptions.StreamIdle"/>
    /// (<see cref="AssistantsTimeoutKind.StreamIdle"/>) and recovery is off; or a recovery's polling passed
    /// <see cref="RunPollingOptions.MaxWait"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <remarks>A recovery polls with the default <see cref="RunPollingOptions"/> on the client's
    /// <see cref="AssistantsClientOptions.TimeProvider"/>; the streaming tool loops use their own polling options.</remarks>
    public Task ConsumeAsync(RunStream stream, CancellationToken cancellationToken = default)
        => ConsumeCoreAsync(stream, null, cancellationToken);

    /// <summary>Reads a stream through the callbacks and, when it breaks, recovers the run polling with <paramref name="polling"/>.</summary>
    internal async Task ConsumeCoreAsync(RunStream stream, RunPollingOptions? polling, CancellationToken cancellationToken)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        bool recover = stream.RecoverOnBreak && stream.Pipeline is not null;
        stream.RecoveryArmed = recover;
        _callbackFailed = false;
        try
        {
            Exception? broken = null;
            IAsyncEnumerator<StreamingUpdate> updates = stream.GetAsyncEnumerator(cancellationToken);
            try
            {
                while (true)
                {
                    try
                    {
                        if (!await updates.MoveNextAsync().ConfigureAwait(false))
                        {
                            break;
                        }
                    }
                    catch (Exception ex) when (recover && IsBreak(ex))
                    {
                        broken = ex;
                        break;
                    }

                    await DispatchAsync(updates.Current, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                await updates.DisposeAsync().ConfigureAwait(false);
            }

            if (broken is not null || stream.EndedUnsettled)
            {
                await RecoverAsync(stream, broken, polling, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            await OnErrorAsync(ex, cancellationToken).ConfigureAwait(false);
            _textQueue?.Complete(ex);
            throw;
        }
        finally
        {
            await stream.DisposeAsync().ConfigureAwait(false);
        }

        await CloseOpenToolCallsAsync(cancellationToken).ConfigureAwait(false);
        if (CurrentRun is null || CurrentRun.Status != RunStatus.RequiresAction)
        {
            _textQueue?.Complete();
        }

        await OnEndAsync(CurrentRun, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Ends <see cref="TextDeltas"/> when a tool loop stops while the run waits for tool outputs (the run expired
    /// during the functions, a function failed, or the caller cancelled); no-op once it ended.
    /// </summary>
    internal void CompleteTextDeltas(Exception? error) => _textQueue?.Complete(error);

    /// <summary>A stream that failed by itself in a way polling can make up for: a cut or reset, or server silence.</summary>
    private static bool IsBreak(Exception exception)
        => exception is StreamEndedEarlyException or AssistantsTimeoutException { Kind: AssistantsTimeoutKind.StreamIdle };
}
