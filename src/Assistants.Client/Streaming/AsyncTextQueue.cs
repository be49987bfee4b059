using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Assistants.Client.Internal;

/// <summary>A single-reader queue of text fragments that a consumer reads with <c>await foreach</c> while the stream is consumed elsewhere.</summary>
internal sealed class AsyncTextQueue
{
    private readonly Queue<string> _items = new();
    private readonly object _lock = new();
    private TaskCompletionSource<bool>? _waiter;
    private bool _completed;
    private Exception? _error;

    public void Add(string text)
    {
        TaskCompletionSource<bool>? waiter;
        lock (_lock)
        {
            if (_completed)
            {
                return;
            }

            _items.Enqueue(text);
            waiter = _waiter;
            _waiter = null;
        }

        waiter?.TrySetResult(true);
    }

    public void Complete(Exception? error = null)
    {
        TaskCompletionSource<bool>? waiter;
        lock (_lock)
        {
            if (_completed)
            {
                return;
            }

            _completed = true;
            _error = error;
            waiter = _waiter;
            _waiter = null;
        }

        waiter?.TrySetResult(false);
    }

    public async IAsyncEnumerable<string> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (true)
        {
            TaskCompletionSource<bool>? wait = null;
            lock (_lock)
            {
                if (_items.Count > 0)
                {
                    // Read below.
                }
                else if (_completed)
                {
                    if (_error is not null)
                    {
                        throw new AssistantsApiException("The stream failed: " + _error.Message, _error);
                    }

                    yield break;
                }
                else
                {
                    wait = _waiter ??= new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }

            if (wait is not null)
            {
                using (cancellationToken.Register(static s => ((TaskCompletionSource<bool>)s!).TrySetCanceled(), wait))
                {
                    await wait.Task.ConfigureAwait(false);
                }

                continue;
            }

            string item;
            lock (_lock)
            {
                item = _items.Dequeue();
            }

            yield return item;
        }
    }
}
