using System;
using System.Threading;

namespace Assistants.Client;

/// <summary>
/// How the run-waiter polls (<see cref="RunsClient.WaitForRunAsync(ThreadRun, RunPollingOptions?, CancellationToken)"/>,
/// the <c>...AndPollAsync</c> methods and the tool loop): the wait between polls, its growth, the longest wait in
/// all, and what happens when a run fails.
/// </summary>
public sealed class RunPollingOptions
{
    /// <summary>Gets or sets the wait between two polls when the server sends no <c>openai-poll-after-ms</c> header.</summary>
    /// <value>The default is 1 second, as in the official SDKs.</value>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the factor the wait grows by after each poll (1 keeps it constant).</summary>
    /// <value>The default is <c>1</c>: no backoff, so a short run is seen finished within a second.</value>
    public double Backoff { get; set; } = 1;

    /// <summary>Gets or sets the longest wait between two polls that <see cref="Backoff"/> may reach.</summary>
    /// <value>The default is 10 seconds.</value>
    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Gets or sets how long one call may wait in all (every poll and, in a tool loop, every round); past it the call
    /// throws <see cref="AssistantsTimeoutException"/> with <see cref="AssistantsTimeoutKind.RunWait"/>. <c>null</c> waits without limit.
    /// </summary>
    /// <value>
    /// The default is 30 minutes: three times the 10 minutes after which OpenAI-protocol servers expire a run, so a
    /// healthy run always ends first, while a server that never ends a run cannot hang the caller for ever.
    /// </value>
    public TimeSpan? MaxWait { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Gets or sets whether the server's <c>openai-poll-after-ms</c> header, when present, sets the next wait instead of <see cref="Interval"/>.</summary>
    /// <value>The default is <c>true</c>.</value>
    public bool UseServerPollInterval { get; set; } = true;

    /// <summary>
    /// Gets or sets whether a run that ends <c>failed</c> or <c>expired</c> throws <see cref="RunFailedException"/>
    /// (carrying the run and its <c>last_error</c>) instead of being returned.
    /// </summary>
    /// <value>The default is <c>true</c>, so a failed run cannot be mistaken for a finished one.</value>
    public bool ThrowOnFailure { get; set; } = true;

    /// <summary>
    /// Gets or sets whether the run is cancelled on the server (best effort) when the caller stops waiting, by
    /// cancelling the token or by reaching <see cref="MaxWait"/>. Otherwise the run goes on until it ends or expires.
    /// </summary>
    /// <value>The default is <c>false</c>.</value>
    public bool CancelRunWhenAbandoned { get; set; }

    /// <summary>Gets or sets the clock for the waits; <c>null</c> uses <see cref="AssistantsClientOptions.TimeProvider"/>.</summary>
    /// <value>The default is <c>null</c>.</value>
    public TimeProvider? TimeProvider { get; set; }

    internal static RunPollingOptions Default { get; } = new();

    internal void Validate()
    {
        if (Interval <= TimeSpan.Zero || Interval == Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException("pollingOptions.Interval", Interval, "The poll interval must be positive.");
        }

        if (Backoff < 1 || double.IsNaN(Backoff) || double.IsInfinity(Backoff))
        {
            throw new ArgumentOutOfRangeException("pollingOptions.Backoff", Backoff, "The backoff factor must be 1 or more.");
        }

        if (MaxInterval < Interval)
        {
            throw new ArgumentOutOfRangeException("pollingOptions.MaxInterval", MaxInterval, "The longest interval must not be shorter than the interval.");
        }

        if (MaxWait is { } max && max < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException("pollingOptions.MaxWait", max, "The maximum wait must not be negative.");
        }
    }
}
