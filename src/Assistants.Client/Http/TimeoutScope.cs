using System;
using System.Threading;
#if !NET8_0_OR_GREATER
using System.Threading.Tasks;
#endif

namespace Assistants.Client.Internal;

/// <summary>
/// A token that fires when the caller cancels or when <see cref="Limit"/> passes on the given
/// <see cref="TimeProvider"/>; <see cref="Fired"/> tells the two apart.
/// </summary>
internal sealed class TimeoutScope : IDisposable
{
    private readonly CancellationTokenSource? _timer;
    private readonly CancellationToken _callerToken;
    private readonly CancellationTokenRegistration _link;

    public TimeoutScope(TimeSpan limit, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        Limit = limit;
        _callerToken = cancellationToken;
        if (limit == Timeout.InfiniteTimeSpan)
        {
            Token = cancellationToken;
            return;
        }

        // One source per scope: the timer's. The caller's token, when it can cancel at all, cancels it through one
        // registration instead of a linked source (the cheaper of the two; Fired tells the causes apart).
        _timer = CreateSource(limit, timeProvider);
        if (cancellationToken.CanBeCanceled)
        {
            _link = cancellationToken.Register(static s => Cancel((CancellationTokenSource)s!), _timer);
        }

        Token = _timer.Token;
    }

    public CancellationToken Token { get; }

    public TimeSpan Limit { get; }

    /// <summary>Gets whether the limit passed (as opposed to the caller cancelling).</summary>
    public bool Fired => _timer is { IsCancellationRequested: true } && !_callerToken.IsCancellationRequested;

    public static CancellationTokenSource CreateSource(TimeSpan delay, TimeProvider timeProvider)
#if NET8_0_OR_GREATER
        => new(delay, timeProvider);
#else
        => timeProvider.CreateCancellationTokenSource(delay);
#endif

    public void Dispose()
    {
        // The registration first: disposing it waits for a running callback, so the source is never cancelled after disposal.
        _link.Dispose();
        _timer?.Dispose();
    }

    private static void Cancel(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The scope ended while the caller cancelled.
        }
    }
}
