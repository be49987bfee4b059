using System.Threading;
using System.Threading.Tasks;
using Assistants.Client.Internal;

namespace Assistants.Client;

/// <summary>Adding a message to a thread that may have an active run.</summary>
public partial class MessagesClient
{
    private const int MaxActiveRunRounds = 3;

    /// <summary>
    /// Adds a text message; if the thread has an active run (<see cref="ActiveRunException"/>), waits for it or
    /// cancels it as <paramref name="activeRunHandling"/> says, then adds the message. Safe to repeat: the refused
    /// request added nothing.
    /// </summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="role">The author of the message.</param>
    /// <param name="text">The text.</param>
    /// <param name="activeRunHandling">Whether to wait for the active run or to cancel it.</param>
    /// <param name="options">The attachments and metadata.</param>
    /// <param name="pollingOptions">The interval and maximum wait while the run ends; its failure handling does not apply.</param>
    /// <param name="cancellationToken">Cancels the calls or stops waiting.</param>
    /// <returns>The new message.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="threadId"/> is null or empty, <paramref name="text"/> is null, or the metadata breaks the protocol's limits.</exception>
    /// <exception cref="ActiveRunException">The thread still had an active run after three rounds (new runs keep starting), or the server did not say which run.</exception>
    /// <exception cref="AssistantsTimeoutException">The active run did not end within <see cref="RunPollingOptions.MaxWait"/>.</exception>
    public virtual async Task<ThreadMessage> CreateWhenIdleAsync(string threadId, MessageRole role, string text, ActiveRunHandling activeRunHandling, MessageCreationOptions? options = null, RunPollingOptions? pollingOptions = null, CancellationToken cancellationToken = default)
    {
        RunPollingOptions polling = pollingOptions ?? RunPollingOptions.Default;
        polling.Validate();
        RunsClient runs = new(_pipeline);
        RunWaiter waiter = new(runs, polling, _pipeline);
        for (int round = 1; ; round++)
        {
            try
            {
                return await CreateAsync(threadId, role, text, options, cancellationToken).ConfigureAwait(false);
            }
            catch (ActiveRunException ex) when (round < MaxActiveRunRounds && ex.RunId is { Length: > 0 })
            {
                ThreadRun run = activeRunHandling == ActiveRunHandling.Cancel
                    ? await runs.CancelIfActiveAsync(threadId, ex.RunId, waitUntilEnded: false, polling, cancellationToken).ConfigureAwait(false)
                    : await runs.GetAsync(threadId, ex.RunId, cancellationToken).ConfigureAwait(false);
                await waiter.WaitAsync(run, RunWaiter.UntilEnd, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
