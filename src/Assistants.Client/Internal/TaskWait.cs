using System.Threading;
using System.Threading.Tasks;

namespace Assistants.Client.Internal;

/// <summary><c>Task.WaitAsync</c> for every target: stop waiting for a task when a token fires, leaving the task running.</summary>
internal static class TaskWait
{
    public static async Task<T> WaitAsync<T>(Task<T> task, CancellationToken cancellationToken)
    {
#if NET
        return await task.WaitAsync(cancellationToken).ConfigureAwait(false);
#else
        TaskCompletionSource<bool> cancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(static state => ((TaskCompletionSource<bool>)state!).TrySetResult(true), cancelled))
        {
            if (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task)
            {
                throw new System.OperationCanceledException(cancellationToken);
            }
        }

        return await task.ConfigureAwait(false);
#endif
    }
}
