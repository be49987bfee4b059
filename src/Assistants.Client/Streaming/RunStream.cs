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
/// (the caller's own cancellation stays an <see cref="OperationCanceledException"/>).
/// </remarks>
public sealed class RunStream : IAsyncEnumerable<StreamingUpdate>, IAsyncDisposable
{
    private static readonly TimeSpan s_cancelTimeout = TimeSpan.FromSeconds(10);

    private readonly ClientPipeline? _pipeline;
    private readonly HttpResponseMessage? _response;
    private readonly Stream? _body;
    private readonly CancellationToken _requestToken;
    private int _enumerated;
    private int _disposed;
    private bool _finished;

    internal RunStream(ClientPipeline? pipeline, HttpResponseMessage response, string? threadId, string? runId, CancellationToken cancellationToken)
    {
        _pipeline = pipeline;
        _response = response;
        Response = ResponseInfo.From(response, pipeline?.Secrets);
        ThreadId = threadId;
        RunId = runId;
        _requestToken = cancellationToken;
    }

    internal RunStream(ClientPipeline? pipeline, Stream body, string? threadId = null, string? runId = null)
    {
        _pipeline = pipeline;
        _body = body;
        ThreadId = threadId;
        RunId = runId;
    }

    /// <summary>Gets the status, request id and headers of the streaming response.</summary>
    /// <value><c>null</c> for a stream not read from an HTTP response.</value>
    public ResponseInfo? Response { get; }

    /// <summary>Gets or sets a value indicating whether a run left unfinished by the consumer is cancelled on the server.</summary>
    /// <value>The default is <c>true</c>: when the consumer breaks out, cancels its token or disposes the stream before
    /// the run reached <c>requires_action</c> or a terminal status, a cancel request is sent (best effort, errors
    /// ignored), because a thread with an active run rejects new messages and runs until the run ends or expires.
    /// Set it to <c>false</c> to let the run go on in the background. A stream that fails on its own (an
    /// <c>error</c> event, a broken connection, a <see cref="TimeoutOptions.StreamIdle"/> timeout) never triggers the cancel.</value>
    public bool CancelRunOnAbandon { get; set; } = true;

    /// <summary>Gets the id of the thread, once known (from the request or the first run event).</summary>
    public string? ThreadId { get; private set; }

    /// <summary>Gets the id of the run, once known (from the request or the first run event).</summary>
    public string? RunId { get; private set; }

    /// <summary>Gets the latest state of the run the stream has shown.</summary>
    public ThreadRun? LatestRun { get; private set; }

    /// <summary>Gets a value indicating whether the run was cancelled on the server because its consumer left it.</summary>
    public bool CancelledOnAbandon { get; private set; }

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

    /// <summary>Releases the HTTP response; a run still going is cancelled when <see cref="CancelRunOnAbandon"/> is set.</summary>
    /// <returns>A task that completes when the response is released and any cancel request answered.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _response?.Dispose();
        _body?.Dispose();
        if (!_finished)
        {
            await CancelAbandonedRunAsync().ConfigureAwait(false);
        }
    }

    private async IAsyncEnumerator<StreamingUpdate> EnumerateAsync(CancellationToken cancellationToken)
    {
        using CancellationTokenSource? linked = _requestToken.CanBeCanceled && cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(_requestToken, cancellationToken)
            : null;
        CancellationToken token = linked?.Token ?? (cancellationToken.CanBeCanceled ? cancellationToken : _requestToken);
        bool runSettled = false;

        // The silence count runs only while the stream is being read: it is paused while the consumer handles an
        // event, and every byte that arrives (an event, a keep-alive comment) restarts it.
        using StreamIdleTimeout? idle = _pipeline?.StartStreamIdleTimeout(token);
        CancellationToken readToken = idle?.Token ?? token;
        try
        {
            Stream raw;
            try
            {
                raw = _body ?? await ReadBodyAsync(_response!, readToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (idle is { IsTimeout: true })
            {
                _finished = true;
                throw idle.CreateException("The run stream", ex);
            }

            EventBoundaryTrackingStream body = new(raw, idle);
            StreamEventParser parser = new(() => body.EndedMidEvent, _pipeline?.Secrets);
            IAsyncEnumerator<SseItem<StreamingUpdate>> items = SseParser.Create(body, parser.Parse).EnumerateAsync(readToken).GetAsyncEnumerator(readToken);
            try
            {
                while (true)
                {
                    StreamingUpdate update;
                    try
                    {
                        if (!await items.MoveNextAsync().ConfigureAwait(false))
                        {
                            break;
                        }

                        update = items.Current.Data;
                    }
                    catch (Exception ex) when (idle is { IsTimeout: true } && Volatile.Read(ref _disposed) == 0)
                    {
                        // The server went silent: a dead connection, not the caller's cancellation.
                        _finished = true;
                        throw idle.CreateException("The run stream", ex);
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

                    if (ReferenceEquals(update, StreamEventParser.Done))
                    {
                        break;
                    }

                    runSettled |= Observe(update);
                    idle?.Pause();
                    yield return update;
                    idle?.Reset();
                }

                if (body.EndedMidEvent)
                {
                    _finished = true;
                    throw StreamEndedEarlyException.Create(null);
                }
            }
            finally
            {
                await items.DisposeAsync().ConfigureAwait(false);
            }

            if (!runSettled && _pipeline is not null && ThreadId is not null && RunId is not null)
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
            _finished |= runSettled;
            await DisposeAsync().ConfigureAwait(false);
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
        if (update is RunUpdate { Run: { } run } runUpdate)
        {
            LatestRun = run;
            RunId ??= run.Id;
            ThreadId ??= run.ThreadId;
            return runUpdate.IsFinal;
        }

        if (update is ThreadCreatedUpdate created)
        {
            ThreadId ??= created.Thread.Id;
        }

        return false;
    }

    private async Task CancelAbandonedRunAsync()
    {
        if (!CancelRunOnAbandon || _pipeline is null || ThreadId is null || RunId is null || LatestRun?.Status is { IsTerminal: true })
        {
            return;
        }

        using CancellationTokenSource timeout = new(s_cancelTimeout);
        try
        {
            LatestRun = await _pipeline.CallAsync(ApiOperations.CancelRun, RunPath(ThreadId, RunId) + "/cancel", null, AssistantsJsonContext.Default.ThreadRun, timeout.Token).ConfigureAwait(false);
            CancelledOnAbandon = true;
        }
        catch (Exception ex) when (ex is AssistantsApiException or HttpRequestException or OperationCanceledException)
        {
            // Best effort: the run may have ended meanwhile (400), or the server is gone; the caller already left.
        }
    }
}
