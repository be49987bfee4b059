using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace Assistants.Client.Internal;

/// <summary>Polls an object until it leaves <c>in_progress</c>, honouring the server's poll-after hint.</summary>
internal static class VectorStorePoller
{
    public static async Task<T> WaitAsync<T>(
        Func<CancellationToken, Task<T>> fetch,
        Func<T, bool> isTerminal,
        Func<T, string> describe,
        VectorStorePollingOptions? options,
        CancellationToken cancellationToken)
        where T : ApiObject
    {
        options ??= new VectorStorePollingOptions();
        TimeProvider clock = options.TimeProvider ?? TimeProvider.System;
        long started = clock.GetTimestamp();
        T current = await fetch(cancellationToken).ConfigureAwait(false);
        while (!isTerminal(current))
        {
            TimeSpan delay = current.Response?.PollAfter ?? options.Interval;
            if (options.MaximumWait is { } maximum)
            {
                TimeSpan left = maximum - clock.GetElapsedTime(started);
                if (left <= TimeSpan.Zero)
                {
                    throw new TimeoutException(string.Format(
                        CultureInfo.InvariantCulture,
                        "{0} was still in progress after the maximum wait of {1}.",
                        describe(current),
                        maximum));
                }

                delay = delay < left ? delay : left;
            }

            await DelayAsync(clock, delay, cancellationToken).ConfigureAwait(false);
            current = await fetch(cancellationToken).ConfigureAwait(false);
        }

        return current;
    }

    private static Task DelayAsync(TimeProvider clock, TimeSpan delay, CancellationToken cancellationToken)
#if NET8_0_OR_GREATER
        => Task.Delay(delay, clock, cancellationToken);
#else
        => clock.Delay(delay, cancellationToken);
#endif
}
