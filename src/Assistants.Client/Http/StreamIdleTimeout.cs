using System;
using System.Globalization;
using System.Threading;

namespace Assistants.Client.Internal;

/// <summary>
/// The idle timeout of a stream: <see cref="Token"/> fires when no event arrived within the limit or when the
/// caller cancels. The stream reader reads with <see cref="Token"/>, calls <see cref="Reset"/> whenever bytes
/// arrive and when it resumes reading, <see cref="Pause"/> while its consumer handles an event, and turns an <see cref="OperationCanceledException"/> for which <see cref="IsTimeout"/> holds into
/// <see cref="CreateException"/>. Get one from <see cref="ClientPipeline.StartStreamIdleTimeout"/>.
/// </summary>
internal sealed class StreamIdleTimeout : IDisposable
{
    private readonly CancellationTokenSource _idle = new();
    private readonly CancellationTokenSource _linked;
    private readonly ITimer? _timer;
    private readonly CancellationToken _callerToken;

    public StreamIdleTimeout(TimeSpan limit, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        Limit = limit;
        _callerToken = cancellationToken;
        _linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _idle.Token);
        if (limit != Timeout.InfiniteTimeSpan)
        {
            _timer = timeProvider.CreateTimer(static state => Fire((CancellationTokenSource)state!), _idle, limit, Timeout.InfiniteTimeSpan);
        }
    }

    public TimeSpan Limit { get; }

    public CancellationToken Token => _linked.Token;

    /// <summary>Gets whether the stream went silent for too long (and the caller did not cancel).</summary>
    public bool IsTimeout => _idle.IsCancellationRequested && !_callerToken.IsCancellationRequested;

    /// <summary>Restarts the silence count; call it after each event. Cheap: it re-arms one timer and allocates nothing.</summary>
    public void Reset()
    {
        if (!_idle.IsCancellationRequested)
        {
            _timer?.Change(Limit, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Stops the silence count while the consumer handles an event (its time is not the server's silence); <see cref="Reset"/> restarts it.</summary>
    public void Pause()
    {
        if (!_idle.IsCancellationRequested)
        {
            _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    public AssistantsTimeoutException CreateException(string what, Exception? innerException = null)
        => new(
            string.Format(CultureInfo.InvariantCulture, "{0} sent no event for {1:0.###} s (Timeouts.StreamIdle), so it was given up.", what, Limit.TotalSeconds),
            AssistantsTimeoutKind.StreamIdle,
            Limit,
            innerException);

    public void Dispose()
    {
        _timer?.Dispose();
        _linked.Dispose();
        _idle.Dispose();
    }

    private static void Fire(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The stream ended and was disposed while the timer fired.
        }
    }
}
