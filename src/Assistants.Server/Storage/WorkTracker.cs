using System;
using System.Threading;
using System.Threading.Tasks;

namespace Assistants.Server.Storage;

/// <summary>Counts background run work so tests can await the moment nothing is left to do.</summary>
internal sealed class WorkTracker
{
    private readonly Lock _gate = new();
    private int _active;
    private TaskCompletionSource _idle = NewCompleted();

    /// <summary>Runs <paramref name="work"/> on the thread pool.</summary>
    public void Run(Func<Task> work)
    {
        Enter();
        _ = Task.Run(() => TrackAsync(work));
    }

    /// <summary>Runs <paramref name="work"/> on the caller's thread up to its first asynchronous wait (call outside any gate).</summary>
    public void RunHere(Func<Task> work)
    {
        Enter();
        _ = TrackAsync(work);
    }

    private void Enter()
    {
        lock (_gate)
        {
            if (_active++ == 0)
            {
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    private async Task TrackAsync(Func<Task> work)
    {
        try
        {
            await work().ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                if (--_active == 0)
                {
                    _idle.TrySetResult();
                }
            }
        }
    }

    public Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _idle.Task.WaitAsync(cancellationToken);
        }
    }

    private static TaskCompletionSource NewCompleted()
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        source.SetResult();
        return source;
    }
}
