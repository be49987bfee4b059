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
    private readonly CancellationTokenSource? _linked;

    public TimeoutScope(TimeSpan limit, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        Limit = limit;
        if (limit == Timeout.InfiniteTimeSpan)
        {
            Token = cancellationToken;
            return;
        }

        _timer = CreateSource(limit, timeProvider);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _timer.Token);
        Token = _linked.Token;
    }

    public CancellationToken Token { get; }

    public TimeSpan Limit { get; }

    /// <summary>Gets whether the limit passed (as opposed to the caller cancelling).</summary>
    public bool Fired => _timer is { IsCancellationRequested: true };

    public static CancellationTokenSource CreateSource(TimeSpan delay, TimeProvider timeProvider)
#if NET8_0_OR_GREATER
        => new(delay, timeProvider);
#else
        => timeProvider.CreateCancellationTokenSource(delay);
#endif

    public void Dispose()
    {
        _linked?.Dispose();
        _timer?.Dispose();
    }
}
