using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Client.Internal;
using Assistants.Client.Serialization;

namespace Assistants.Client;

/// <summary>Disposal: releasing the response and cancelling the run a consumer abandoned.</summary>
public sealed partial class RunStream
{
    /// <summary>
    /// Releases the HTTP response. A run the consumer left unfinished is cancelled when <see cref="CancelRunOnAbandon"/>
    /// is set; if no event named the run yet, the stream is first read ahead (with its own token, not the caller's)
    /// until one does, all within <see cref="TimeoutOptions.AbandonedRunCancel"/>.
    /// </summary>
    /// <returns>A task that completes when the response is released and any cancel request answered.</returns>
    /// <remarks>Never throws for the cancel: if the run id cannot be learned in time, the connection is dead or the
    /// server refuses the cancel, a warning is logged and <see cref="CancelledOnAbandon"/> stays <c>false</c>.</remarks>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // Disposed from another thread while the consumer awaits an event: only release, the consumer's read fails.
        bool consumerReading = Volatile.Read(ref _reading) != 0;
        bool cancel = !_finished && CancelRunOnAbandon && _pipeline is not null && (_latestRun is { } run ? run.Status : _latestUpdate?.Status) is not { IsTerminal: true };
        using TimeoutScope? limit = cancel ? new TimeoutScope(_pipeline!.Options.Timeouts.AbandonedRunCancel, _pipeline.TimeProvider, CancellationToken.None) : null;
        string? failure = null;
        if (cancel && RunId is null)
        {
            failure = consumerReading
                ? "the stream was disposed while it was being read, before any event named the run"
                : await ReadAheadForRunIdAsync(limit!).ConfigureAwait(false);
        }

        await ReleaseAsync(consumerReading).ConfigureAwait(false);
        if (cancel && !_finished && failure is null)
        {
            failure = await CancelAbandonedRunAsync(limit!).ConfigureAwait(false);
        }

        if (failure is not null)
        {
            Log.AbandonedRunNotCancelled(_pipeline!.Logger, RunId ?? "(unknown)", ThreadId ?? "(unknown)", failure);
        }

        EndTelemetry();
    }

    /// <summary>
    /// Cancels a run whose recovery the caller left (cancelled its token, or a callback threw) when
    /// <see cref="CancelRunOnAbandon"/> is set, as disposal does for a stream it abandons; never throws.
    /// </summary>
    internal async Task CancelAbandonedRecoveryAsync(ThreadRun? run)
    {
        if (!CancelRunOnAbandon || _pipeline is null || run is null || run.Status is { IsTerminal: true } || run.Status == RunStatus.RequiresAction)
        {
            return;
        }

        Adopt(run);
        using TimeoutScope limit = new(_pipeline.Options.Timeouts.AbandonedRunCancel, _pipeline.TimeProvider, CancellationToken.None);
        if (await CancelAbandonedRunAsync(limit).ConfigureAwait(false) is { } failure)
        {
            Log.AbandonedRunNotCancelled(_pipeline.Logger, RunId ?? "(unknown)", ThreadId ?? "(unknown)", failure);
        }
    }

    /// <summary>Reads on until an event names the run; returns why that failed, or <c>null</c>.</summary>
    private async Task<string?> ReadAheadForRunIdAsync(TimeoutScope limit)
    {
        using CancellationTokenRegistration stop = limit.Token.Register(static state => ((RunStream)state!).CancelReads(), this);
        try
        {
            Task<bool>? detached = _detachedRead;
            _detachedRead = null;
            if (_items is null)
            {
                await OpenAsync().ConfigureAwait(false);
            }

            // The silence count was paused while the consumer held the last event; the read-ahead is server time again.
            _idle?.Reset();

            bool more = detached is not null ? await detached.ConfigureAwait(false) : await _items!.MoveNextAsync().ConfigureAwait(false);
            while (more)
            {
                StreamingUpdate update = _items!.Current.Data;
                if (ReferenceEquals(update, StreamEventParser.Done))
                {
                    break;
                }

                if (Observe(update))
                {
                    // The run paused for tool outputs or ended by itself: nothing to cancel.
                    _finished = true;
                    return null;
                }

                if (RunId is not null)
                {
                    return null;
                }

                more = await _items.MoveNextAsync().ConfigureAwait(false);
            }

            return "the stream ended before any event named the run";
        }
        catch (Exception ex) when (limit.Fired)
        {
            _ = ex;
            return FormattableString.Invariant($"no event named the run within {limit.Limit.TotalSeconds:0.###} s (Timeouts.AbandonedRunCancel)");
        }
        catch (Exception ex)
        {
            return "reading ahead for the run id failed (" + ex.GetType().Name + ")";
        }
    }

    private async Task ReleaseAsync(bool consumerReading)
    {
        CancelReads();
        _response?.Dispose();
        _givenBody?.Dispose();
        _body?.Dispose();
        if (_detachedRead is { } detached)
        {
            _detachedRead = null;
            try
            {
                await detached.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // A read the caller stopped waiting for, ended by the release above.
            }
        }

        if (consumerReading)
        {
            return;
        }

        if (_items is not null)
        {
            try
            {
                await _items.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception)
            {
                // The reader already failed; disposing only returns its buffer.
            }
        }

        _idle?.Dispose();
    }

    /// <summary>Sends the cancel; returns why it failed, or <c>null</c>.</summary>
    private async Task<string?> CancelAbandonedRunAsync(TimeoutScope limit)
    {
        if (ThreadId is null || RunId is null)
        {
            return "the thread id is unknown";
        }

        try
        {
            LatestRun = await _pipeline!.CallAsync(ApiOperations.CancelRun, RunPath(ThreadId, RunId) + "/cancel", null, AssistantsJsonContext.Default.ThreadRun, limit.Token).ConfigureAwait(false);
            CancelledOnAbandon = true;
            return null;
        }
        catch (Exception ex) when (limit.Fired)
        {
            _ = ex;
            return FormattableString.Invariant($"the cancel request did not complete within {limit.Limit.TotalSeconds:0.###} s (Timeouts.AbandonedRunCancel)");
        }
        catch (AssistantsApiException ex)
        {
            // The run may have ended meanwhile (400); the server's message is not logged (it may echo input).
            return FormattableString.Invariant($"the server refused the cancel with {ex.Status}{(ex.ErrorCode is { } code ? " " + code : string.Empty)}");
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            return "the cancel request failed (" + ex.GetType().Name + ")";
        }
    }
}
