using System;
using System.Threading;

namespace Assistants.Client;

/// <summary>
/// The client's own timeouts. Each one fires as an <see cref="AssistantsTimeoutException"/> whose
/// <see cref="AssistantsTimeoutException.Kind"/> names it; a caller's own cancellation stays an
/// <see cref="OperationCanceledException"/>. <see cref="Timeout.InfiniteTimeSpan"/> turns one off.
/// </summary>
/// <remarks>
/// None of them limits a stream as a whole or a polling wait: a long stream is cut only when it goes silent
/// for <see cref="StreamIdle"/>, and a poll is a series of short requests. A client created without an
/// <see cref="System.Net.Http.HttpClient"/> sets that client's own <c>Timeout</c> to infinite so that these
/// apply instead; an <see cref="System.Net.Http.HttpClient"/> passed in keeps its <c>Timeout</c> (100 seconds
/// unless changed), which then also cuts long streams.
/// </remarks>
public sealed class TimeoutOptions
{
    /// <summary>Gets or sets how long one attempt may take until the response headers arrive (sending the request body included).</summary>
    /// <value>
    /// The default is 2 minutes: servers answer non-streaming calls and start streams within seconds, so this only
    /// catches a hung connection, while leaving room to upload a large file.
    /// </value>
    public TimeSpan ResponseHeaders { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Gets or sets how long a non-streaming call may take in all: every attempt, the waits between them and reading the body.</summary>
    /// <value>The default is 10 minutes, the total timeout of the official SDKs.</value>
    public TimeSpan Total { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Gets or sets how long a stream may stay silent between two events before it is given up.</summary>
    /// <value>
    /// The default is 5 minutes: a healthy run sends events as its steps progress and expires 10 minutes after
    /// creation, so a silence this long means a dead connection rather than a slow step.
    /// </value>
    public TimeSpan StreamIdle { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Gets or sets how long disposing an abandoned <see cref="RunStream"/> may spend cancelling its run (see
    /// <see cref="RunStream.CancelRunOnAbandon"/>): reading ahead for the run's id when no event named it yet,
    /// then the cancel request. When it passes, disposal gives up quietly (a warning is logged).
    /// </summary>
    /// <value>
    /// The default is 10 seconds: a server sends <c>thread.run.created</c> as soon as the stream starts and answers
    /// a cancel within a second or two, while a caller disposing a stream should not wait long for a dead server.
    /// </value>
    public TimeSpan AbandonedRunCancel { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Returns a copy of these options.</summary>
    /// <returns>A copy.</returns>
    public TimeoutOptions Clone() => (TimeoutOptions)MemberwiseClone();

    internal void Validate()
    {
        Check(ResponseHeaders, nameof(ResponseHeaders));
        Check(Total, nameof(Total));
        Check(StreamIdle, nameof(StreamIdle));
        Check(AbandonedRunCancel, nameof(AbandonedRunCancel));
    }

    private static void Check(TimeSpan value, string name)
    {
        // A timer holds at most about 49 days; longer limits are refused rather than failing at the first request.
        if ((value <= TimeSpan.Zero || value.TotalMilliseconds > uint.MaxValue - 1) && value != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(name, value, $"Timeouts.{name} must be positive and at most 49 days, or Timeout.InfiniteTimeSpan.");
        }
    }
}
