using System;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Server;

namespace Assistants.Client.Tests;

/// <summary>
/// The client's clock against the embedded server: a short timer (a poll interval, a retry delay) fires when the
/// server has no run left to process, so the client polls exactly when there is something new to see and nothing
/// sleeps. Longer timers (the stream idle timeout, a run's expiry) run on the system clock and never fire in these
/// tests. Shared with the server's end-to-end tests (linked into Assistants.Server.Tests).
/// </summary>
internal sealed class ServerIdleTimeProvider : TimeProvider
{
    private static readonly TimeSpan s_longestPoll = TimeSpan.FromMinutes(1);
    private readonly AssistantsServer _server;
    private readonly TaskCompletionSource _firstPoll = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _polls;

    public ServerIdleTimeProvider(AssistantsServer server) => _server = server;

    /// <summary>Gets the number of short waits the client started (polls and retry delays).</summary>
    public int Polls => Volatile.Read(ref _polls);

    /// <summary>Gets a task that completes when the client first waits to poll.</summary>
    public Task FirstPoll => _firstPoll.Task;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime == Timeout.InfiniteTimeSpan || dueTime > s_longestPoll || period != Timeout.InfiniteTimeSpan)
        {
            return System.CreateTimer(callback, state, dueTime, period);
        }

        Interlocked.Increment(ref _polls);
        _firstPoll.TrySetResult();
        IdleTimer timer = new();
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
