using System;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Client.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Assistants.Client.Internal;

/// <summary>
/// The polling loop behind the run-waiter, the tool loop, the idempotent cancel and the active-run helper: one
/// instance per call, so <see cref="RunPollingOptions.MaxWait"/> counts from the start of that call.
/// </summary>
internal sealed class RunWaiter
{
    /// <summary>The shortest wait the server's poll header can ask for, so a zero never turns into a busy loop.</summary>
    internal static readonly TimeSpan MinimumServerDelay = TimeSpan.FromMilliseconds(100);

    public static readonly Func<ThreadRun, bool> UntilActionOrEnd = run => run.Status?.IsTerminal == true || run.Status == RunStatus.RequiresAction;

    public static readonly Func<ThreadRun, bool> UntilEnd = run => run.Status?.IsTerminal == true;

    private static readonly RunStatus[] s_known =
    [
        RunStatus.Queued, RunStatus.InProgress, RunStatus.RequiresAction, RunStatus.Cancelling, RunStatus.Cancelled,
        RunStatus.Failed, RunStatus.Completed, RunStatus.Incomplete, RunStatus.Expired,
    ];

    private readonly RunsClient _runs;
    private readonly RunPollingOptions _options;
    private readonly ILogger _logger;
    private readonly long _started;

    public RunWaiter(RunsClient runs, RunPollingOptions options, ClientPipeline? pipeline)
    {
        _runs = runs;
        _options = options;
        TimeProvider = options.TimeProvider ?? pipeline?.TimeProvider ?? TimeProvider.System;
        _logger = pipeline?.Logger ?? NullLogger.Instance;
        _started = TimeProvider.GetTimestamp();
    }

    public TimeProvider TimeProvider { get; }

    public RunPollingOptions Options => _options;

    /// <summary>Throws <see cref="RunFailedException"/> for a failed or expired run when the options say so; otherwise returns the run.</summary>
    public static ThreadRun CheckOutcome(ThreadRun run, RunPollingOptions options)
        => options.ThrowOnFailure && (run.Status == RunStatus.Failed || run.Status == RunStatus.Expired)
            ? throw new RunFailedException(run)
            : run;

    public async Task<ThreadRun> WaitAsync(ThreadRun run, Func<ThreadRun, bool> isDone, CancellationToken cancellationToken)
    {
        string threadId = run.ThreadId is { Length: > 0 } id ? id : throw new ArgumentException("The run names no thread (thread_id).", nameof(run));
        int polls = 0;
        bool unknownSeen = false;
        try
        {
            while (!isDone(run))
            {
                if (!unknownSeen && (run.Status is not { } known || Array.IndexOf(s_known, known) < 0))
                {
                    unknownSeen = true;
                    string value = run.Status?.ToString() ?? "(absent)";
                    Log.UnknownValue(_logger, "run status", value);
                }

                TimeSpan delay = NextDelay(run, polls);
                TimeSpan elapsed = TimeProvider.GetElapsedTime(_started);
                if (_options.MaxWait is { } max)
                {
                    if (elapsed >= max)
                    {
                        throw MaxWaitExceeded(run, max);
                    }

                    delay = elapsed + delay > max ? max - elapsed : delay;
                }

                if (_logger.IsEnabled(LogLevel.Debug))
                {
                    string status = run.Status?.ToString() ?? "(absent)";
                    double elapsedMs = elapsed.TotalMilliseconds;
                    double delayMs = delay.TotalMilliseconds;
                    Log.PollTick(_logger, run.Id, threadId, status, elapsedMs, delayMs);
                }

                await DelayAsync(delay, cancellationToken).ConfigureAwait(false);
                run = await _runs.GetAsync(threadId, run.Id, cancellationToken).ConfigureAwait(false);
                AgentTelemetry.Current?.Observe(run);
                polls++;
            }
        }
        catch (Exception ex) when (AgentTelemetry.RecordFailure(ex))
        {
            throw;
        }
        catch (Exception ex) when (_options.CancelRunWhenAbandoned && IsAbandon(ex, cancellationToken))
        {
            await AbandonAsync(threadId, run.Id).ConfigureAwait(false);
            throw;
        }

        return run;
    }

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
#if NET8_0_OR_GREATER
        => Task.Delay(delay, TimeProvider, cancellationToken);
#else
        => TimeProvider.Delay(delay, cancellationToken);
#endif

    public AssistantsTimeoutException MaxWaitExceeded(ThreadRun run, TimeSpan max)
        => new(
            string.Format(CultureInfo.InvariantCulture, "Run {0} on thread {1} was still {2} after {3:0.###} s (RunPollingOptions.MaxWait).", run.Id, run.ThreadId, run.Status, max.TotalSeconds),
            AssistantsTimeoutKind.RunWait,
            max);

    /// <summary>Checks the overall limit between tool-loop rounds.</summary>
    public void ThrowIfOverMaxWait(ThreadRun run)
    {
        if (_options.MaxWait is { } max && TimeProvider.GetElapsedTime(_started) >= max)
        {
            throw MaxWaitExceeded(run, max);
        }
    }

    private static bool IsAbandon(Exception exception, CancellationToken cancellationToken)
        => (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
            || exception is AssistantsTimeoutException { Kind: AssistantsTimeoutKind.RunWait };

    private TimeSpan NextDelay(ThreadRun run, int polls)
    {
        if (_options.UseServerPollInterval && run.Response?.PollAfter is { } serverDelay)
        {
            return serverDelay < MinimumServerDelay ? MinimumServerDelay : serverDelay;
        }

        double ms = _options.Interval.TotalMilliseconds * Math.Pow(_options.Backoff, Math.Min(polls, 64));
        return TimeSpan.FromMilliseconds(Math.Min(ms, _options.MaxInterval.TotalMilliseconds));
    }

    private async Task AbandonAsync(string threadId, string runId)
    {
        try
        {
            await _runs.CancelAsync(threadId, runId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AssistantsApiException or HttpRequestException or OperationCanceledException)
        {
            // Best effort: the run may have ended meanwhile, or the server may be unreachable; the caller's own error wins.
        }
    }
}
