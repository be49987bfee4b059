using System;
using System.Threading;
using System.Threading.Tasks;

namespace Assistants.Server.Tests.EndToEnd;

/// <summary>
/// The client's polling clock in end-to-end tests: a short delay (a poll interval) ends when the server has no run
/// left to process, so the client polls exactly when there is something new to see, without sleeping. Longer
/// timers (a run's expiry) run on the system clock; the wall clock itself is the system's.
/// </summary>
internal sealed class ServerIdleTimeProvider : TimeProvider
{
    private static readonly TimeSpan s_longestPoll = TimeSpan.FromMinutes(1);
    private readonly AssistantsServer _server;
    private readonly TaskCompletionSource _firstPoll = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ServerIdleTimeProvider(AssistantsServer server) => _server = server;

    /// <summary>Gets a task that completes when the client first waits to poll.</summary>
    public Task FirstPoll => _firstPoll.Task;

    public int Polls { get; private set; }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime == Timeout.InfiniteTimeSpan || dueTime > s_longestPoll || period != Timeout.InfiniteTimeSpan)
        {
            return System.CreateTimer(callback, state, dueTime, period);
        }

        Polls++;
        IdleTimer timer = new();
        _firstPoll.TrySetResult();
        _ = FireWhenIdleAsync(timer, callback, state);
        return timer;
    }

    private async Task FireWhenIdleAsync(IdleTimer timer, TimerCallback callback, object? state)
    {
        await _server.WaitForIdleAsync();
        if (!timer.Disposed)
        {
            callback(state);
        }
    }

    private sealed class IdleTimer : ITimer
    {
        public bool Disposed { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period) => !Disposed;

        public void Dispose() => Disposed = true;

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
