using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace Assistants.Client.Tests;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that reports every timer the code under test starts (retry delays, poll
/// waits, timeouts), so a test can wait until the code is parked on a delay, check its length, then advance
/// the clock exactly that far. Nothing sleeps; the wait has a real-time guard only so a broken test fails.
/// </summary>
internal sealed class TimerRecordingTimeProvider : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _started = Channel.CreateUnbounded<TimeSpan>();

    public TimerRecordingTimeProvider()
        : this(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    public TimerRecordingTimeProvider(DateTimeOffset start)
        : base(start)
    {
    }

    public List<TimeSpan> Started { get; } = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        // Register with the fake clock first: a test that hears of the timer may advance the clock at once.
        ITimer timer = base.CreateTimer(callback, state, dueTime, period);
        lock (Started)
        {
            Started.Add(dueTime);
        }

        _started.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>Waits until the code under test starts a timer that matches <paramref name="match"/> (any, by default) and returns its due time.</summary>
    public async Task<TimeSpan> NextTimerAsync(Func<TimeSpan, bool>? match = null)
    {
        using CancellationTokenSource guard = new(TimeSpan.FromSeconds(20));
        while (true)
        {
            TimeSpan due = await _started.Reader.ReadAsync(guard.Token);
            if (match is null || match(due))
            {
                return due;
            }
        }
    }

    /// <summary>Waits for the next timer matching <paramref name="match"/> and advances the clock by its due time.</summary>
    public async Task<TimeSpan> AdvanceToNextTimerAsync(Func<TimeSpan, bool>? match = null)
    {
        TimeSpan due = await NextTimerAsync(match);
        Advance(due);
        return due;
    }

    /// <summary>
    /// Lets <paramref name="task"/> run to its end, advancing the clock by each timer's due time as the code under
    /// test starts it; returns the advances made (the waits the code asked for). Timers started before the call
    /// (or longer than <paramref name="ignoreLongerThan"/>, such as timeouts) are not advanced to.
    /// </summary>
    public async Task<List<TimeSpan>> DriveAsync(Task task, TimeSpan? ignoreLongerThan = null)
    {
        List<TimeSpan> advanced = new();
        Task<TimeSpan>? next = null;
        while (true)
        {
            next ??= NextTimerAsync(d => ignoreLongerThan is null || d <= ignoreLongerThan);
            if (await Task.WhenAny(task, next) == task)
            {
                break;
            }

            TimeSpan due = await next;
            next = null;
            advanced.Add(due);
            Advance(due);
        }

        await task;
        return advanced;
    }
}
