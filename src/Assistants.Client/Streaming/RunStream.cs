using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.ServerSentEvents;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Client.Internal;
using Assistants.Client.Serialization;

namespace Assistants.Client;

/// <summary>
/// The events of one streamed run request (create run, create thread and run, submit tool outputs), consumed once
/// with <c>await foreach</c>. Dispose it (<c>await using</c>) or break out of the loop and the HTTP response is
/// released at once; leave a run that is still going and, with <see cref="CancelRunOnAbandon"/>, it is cancelled on
/// the server so the thread does not stay locked.
/// </summary>
/// <remarks>
/// The stream ends after <c>done</c>. If it ends without a terminal or <c>requires_action</c> run event, the run is
/// fetched and a last <see cref="RunUpdate"/> with <see cref="RunUpdate.IsRetrieved"/> reports its real state.
/// An <c>error</c> event raises <see cref="AssistantsApiException"/>; a body cut in the middle of an event raises
/// <see cref="StreamEndedEarlyException"/>, and so does a connection that breaks (its error is the inner exception); a stream that sends nothing for <see cref="TimeoutOptions.StreamIdle"/>
/// while it is read raises <see cref="AssistantsTimeoutException"/> with <see cref="AssistantsTimeoutKind.StreamIdle"/>
/// (the caller's own cancellation stays an <see cref="OperationCanceledException"/>). A server that ignored
/// <c>"stream": true</c> and answered the run as JSON gives a stream of that run's update (then its retrieved state).
/// </remarks>
public sealed partial class RunStream : IAsyncEnumerable<StreamingUpdate>, IAsyncDisposable
{
    private readonly ClientPipeline? _pipeline;
    private readonly HttpResponseMessage? _response;
    private readonly Stream? _givenBody;
    private readonly ThreadRun? _unstreamedRun;
    private readonly CancellationToken _requestToken;

    // Cancels the body's reads: the caller's token once the run id is known, the abandon time limit, and disposal.
    // Never disposed: a late registration callback may still cancel it, and a plain source holds nothing to release.
    private readonly CancellationTokenSource _readCancellation = new();
    private EventBoundaryTrackingStream? _body;
    private StreamIdleTimeout? _idle;
    private IAsyncEnumerator<SseItem<StreamingUpdate>>? _items;
    private Task<bool>? _detachedRead;
    private int _enumerated;
    private int _disposed;
    private int _reading;
    private bool _finished;

    // The latest run event; its run is deserialized only if LatestRun is read (see DeferredRun).
    private RunUpdate? _latestUpdate;
    private ThreadRun? _latestRun;

    internal RunStream(ClientPipeline? pipeline, HttpResponseMessage response, string? threadId, string? runId, CancellationToken cancellationToken)
    {
        _pipeline = pipeline;
        _response = response;
        Response = ResponseInfo.From(response, pipeline?.Secrets);
        ThreadId = threadId;
        RunId = runId;
        _requestToken = cancellationToken;
        RecoverOnBreak = pipeline?.Options.StreamRecovery ?? false;
    }

    /// <summary>A stream request the server answered with the run as JSON instead of an event stream.</summary>
    internal RunStream(ClientPipeline pipeline, ThreadRun run, CancellationToken cancellationToken)
    {
        _pipeline = pipeline;
        _unstreamedRun = run;
        Response = run.Response;
        ThreadId = run.ThreadId;
        RunId = run.Id;
        LatestRun = run;
        _finished = run.Status is { IsTerminal: true } || run.Status == RunStatus.RequiresAction;
        _requestToken = cancellationToken;
        RecoverOnBreak = pipeline.Options.StreamRecovery;
    }

    internal RunStream(ClientPipeline? pipeline, Stream body, string? threadId = null, string? runId = null)
    {
        _pipeline = pipeline;
        _givenBody = body;
        ThreadId = threadId;
        RunId = runId;
        RecoverOnBreak = pipeline?.Options.StreamRecovery ?? false;
    }

    /// <summary>Gets the status, request id and headers of the streaming response.</summary>
    /// <value><c>null</c> for a stream not read from an HTTP response.</value>
    public ResponseInfo? Response { get; }

    /// <summary>Gets or sets a value indicating whether a run left unfinished by the consumer is cancelled on the server.</summary>
    /// <value>The default is <c>true</c>: when the consumer breaks out, cancels its token or disposes the stream before
    /// the run reached <c>requires_action</c> or a terminal status, a cancel request is sent, because a thread with an
    /// active run rejects new messages and runs until the run ends or expires. If no event named the run yet, disposal
    /// reads ahead until one does. Both are bounded by <see cref="TimeoutOptions.AbandonedRunCancel"/>; a failure is
    /// logged, never thrown. Set it to <c>false</c> to let the run go on in the background. A stream that fails on its
    /// own (an <c>error</c> event, a broken connection, a <see cref="TimeoutOptions.StreamIdle"/> timeout) never
    /// triggers the cancel.</value>
    public bool CancelRunOnAbandon { get; set; } = true;

    /// <summary>
    /// Gets or sets whether an <see cref="AssistantEventHandler"/> that consumes this stream continues the run by polling
    /// when the stream breaks (a reset connection, a cut body, <see cref="TimeoutOptions.StreamIdle"/>, an end without a
    /// final run event), delivering the rest of the run to the handler instead of the exception. A plain
    /// <c>await foreach</c> never recovers: it cannot know what its consumer kept.
    /// </summary>
    /// <value>The default is <see cref="AssistantsClientOptions.StreamRecovery"/> (<c>true</c> unless turned off). The
    /// streaming tool loops give each submit stream the value of the run's first stream.</value>
    public bool RecoverOnBreak { get; set; }

    /// <summary>Gets the id of the thread, once known (from the request or the first run event).</summary>
    public string? ThreadId { get; private set; }

    /// <summary>Gets the id of the run, once known (from the request or the first run event).</summary>
    public string? RunId { get; private set; }

    /// <summary>Gets the latest state of the run the stream has shown.</summary>
    public ThreadRun? LatestRun
    {
        get => _latestRun ?? _latestUpdate?.Run;
        private set
        {
            _latestRun = value;
            _latestUpdate = null;
        }
    }

    /// <summary>Gets a value indicating whether the run was cancelled on the server because its consumer left it.</summary>
    public bool CancelledOnAbandon { get; private set; }

    /// <summary>Gets the pipeline that recovery polls through (<c>null</c> for a stream not read from a client).</summary>
    internal ClientPipeline? Pipeline => _pipeline;

    /// <summary>Gets or sets whether a handler will recover this stream: then an end without a final run event is left to it (no GET here).</summary>
    internal bool RecoveryArmed { get; set; }

    /// <summary>Gets a value indicating whether the body ended (cleanly) before the run paused or ended, with <see cref="RecoveryArmed"/> set.</summary>
    internal bool EndedUnsettled { get; private set; }

    /// <summary>Takes the run that recovery found or polled as the stream's latest state.</summary>
    internal void Adopt(ThreadRun run)
    {
        LatestRun = run;
        RunId ??= run.Id;
        ThreadId ??= run.ThreadId;
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The stream was already enumerated or disposed.</exception>
    public IAsyncEnumerator<StreamingUpdate> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            throw new ObjectDisposedException(nameof(RunStream));
        }

        if (Interlocked.Exchange(ref _enumerated, 1) != 0)
        {
            throw new InvalidOperationException("A run stream can be enumerated only once.");
        }

        return EnumerateAsync(cancellationToken);
    }

    private async IAsyncEnumerator<StreamingUpdate> EnumerateAsync(CancellationToken cancellationToken)
    {
        using CancellationTokenSource? linked = _requestToken.CanBeCanceled && cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(_requestToken, cancellationToken)
            : null;
        CancellationToken token = linked?.Token ?? (cancellationToken.CanBeCanceled ? cancellationToken : _requestToken);
        CancellationTokenRegistration stopReads = default;
        bool readsStopOnCancel = false;
        bool runSettled = false;
        try
        {
            if (_unstreamedRun is { } unstreamed)
            {
                // The server ignored "stream": true and answered the run as JSON: report it as the run's update.
                RunUpdate first = new(RunUpdate.ForStatus(unstreamed.Status) is { } type && type != default ? type : StreamingEventType.RunCreated, unstreamed);
                runSettled = Observe(first);
                yield return first;
            }
            else
            {
                try
                {
                    await OpenAsync().ConfigureAwait(false);
                }
                catch (Exception ex) when (_idle is { IsTimeout: true })
                {
                    _finished = true;
                    throw _idle.CreateException("The run stream", ex);
                }

                while (true)
                {
                    if (!readsStopOnCancel && RunId is not null && token.CanBeCanceled)
                    {
                        // The run id is known, so the caller's cancellation may now end the read (and the connection).
                        readsStopOnCancel = true;
                        stopReads = token.Register(static state => ((RunStream)state!).CancelReads(), this);
                    }

                    StreamingUpdate update;
                    Volatile.Write(ref _reading, 1);
                    try
                    {
                        token.ThrowIfCancellationRequested();
                        ValueTask<bool> next = _items!.MoveNextAsync();
                        bool more = next.IsCompleted || readsStopOnCancel || !token.CanBeCanceled
                            ? await next.ConfigureAwait(false)
                            : await ReadDetachableAsync(next.AsTask(), token).ConfigureAwait(false);
                        if (!more)
                        {
                            break;
                        }

                        update = _items.Current.Data;
                    }
                    catch (Exception ex) when (FailTelemetry(ex))
                    {
                        throw;
                    }
                    catch (Exception ex) when (_idle is { IsTimeout: true } && Volatile.Read(ref _disposed) == 0)
                    {
                        // The server went silent: a dead connection, not the caller's cancellation.
                        _finished = true;
                        throw _idle.CreateException("The run stream", ex);
                    }
                    catch (OperationCanceledException) when (token.IsCancellationRequested)
                    {
                        throw;
                    }
                    catch (Exception ex) when (ex is IOException or HttpRequestException && Volatile.Read(ref _disposed) == 0)
                    {
                        // A reset connection: say so in our terms, keeping the transport's error as the cause.
                        _finished = true;
                        throw StreamEndedEarlyException.Broken(ex);
                    }
                    catch (Exception) when (Volatile.Read(ref _disposed) == 0)
                    {
                        // The stream failed on its own (error event, bad data, broken connection): not an abandonment.
                        _finished = true;
                        throw;
                    }
                    finally
                    {
                        Volatile.Write(ref _reading, 0);
                    }

                    if (ReferenceEquals(update, StreamEventParser.Done))
                    {
                        break;
                    }

                    runSettled |= Observe(update);
                    _idle?.Pause();
                    yield return update;
                    _idle?.Reset();
                }

                if (_body!.EndedMidEvent)
                {
                    _finished = true;
                    throw StreamEndedEarlyException.Create(null);
                }
            }

            if (!runSettled && RecoveryArmed && _unstreamedRun is null)
            {
                // The consuming handler polls on and delivers what the stream would have.
                EndedUnsettled = true;
            }
            else if (!runSettled && _pipeline is not null && ThreadId is not null && RunId is not null)
            {
                ThreadRun run = await _pipeline.CallAsync(ApiOperations.GetRun, RunPath(ThreadId, RunId), null, AssistantsJsonContext.Default.ThreadRun, token).ConfigureAwait(false);
                RunUpdate retrieved = new(RunUpdate.ForStatus(run.Status) is { } type && type != default ? type : StreamingEventType.RunInProgress, run, isRetrieved: true);
                Observe(retrieved);
                _finished = true;
                yield return retrieved;
            }

            _finished = true;
        }
        finally
        {
            stopReads.Dispose();
            _finished |= runSettled;
            await DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Opens the body and its event reader; the reads answer only to <see cref="_readCancellation"/> and the idle timeout.</summary>
    private async Task OpenAsync()
    {
        _idle = _pipeline?.StartStreamIdleTimeout(_readCancellation.Token);
        CancellationToken readToken = _idle?.Token ?? _readCancellation.Token;
        Stream raw = _givenBody ?? await ReadBodyAsync(_response!, readToken).ConfigureAwait(false);
        EventBoundaryTrackingStream body = new(raw, _idle);
        _body = body;
        StreamEventParser parser = new(() => body.EndedMidEvent, _pipeline?.Secrets);
        _items = SseParser.Create(body, parser.Parse).EnumerateAsync(readToken).GetAsyncEnumerator(readToken);
    }

    /// <summary>
    /// Waits for a read before the run id is known. The caller's cancellation must not reach the read itself: the
    /// transport closes the connection of a cancelled read, and disposal still needs the stream to learn which run to
    /// cancel. So the caller stops waiting, and the read is left to <see cref="DisposeAsync"/>.
    /// </summary>
    private async Task<bool> ReadDetachableAsync(Task<bool> read, CancellationToken cancellationToken)
    {
        try
        {
            return await TaskWait.WaitAsync(read, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _detachedRead = read;
            throw;
        }
    }

    private void CancelReads()
    {
        try
        {
            _readCancellation.Cancel();
        }
        catch (AggregateException)
        {
            // A read's own cancellation callback failed; the read ends anyway.
        }
    }

    private static async Task<Stream> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
#if NET
        return await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        cancellationToken.ThrowIfCancellationRequested();
        return await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
    }

    private static string RunPath(string threadId, string runId) => "threads/" + PathSegment.Escape(threadId) + "/runs/" + PathSegment.Escape(runId);

    /// <summary>Tracks the run's ids and state; returns <c>true</c> once the run reached requires_action or an end.</summary>
    private bool Observe(StreamingUpdate update)
    {
        if (update is RunUpdate runUpdate)
        {
            _latestUpdate = runUpdate;
            _latestRun = null;
            RunId ??= runUpdate.RunId;
            ThreadId ??= runUpdate.ThreadId;
            if (_telemetry is not null)
            {
                _telemetry.Observe(runUpdate.Run);
            }
            return runUpdate.IsFinal;
        }

        if (update is ThreadCreatedUpdate created)
        {
            ThreadId ??= created.Thread.Id;
        }

        return false;
    }
}
