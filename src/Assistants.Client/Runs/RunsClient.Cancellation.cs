using System.Threading;
using System.Threading.Tasks;
using Assistants.Client.Internal;

namespace Assistants.Client;

/// <summary>Idempotent cancel: stop a run whatever state it is in.</summary>
public partial class RunsClient
{
    /// <summary>
    /// Cancels a run if it is still active; a run that has already ended is returned as it is, not reported as an
    /// error. Optionally waits until the run has ended (normally <c>cancelled</c>).
    /// </summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="runId">The run id.</param>
    /// <param name="waitUntilEnded">Whether to poll until the run reaches a final status (it passes through <c>cancelling</c> first).</param>
    /// <param name="pollingOptions">The interval and maximum wait of that polling; its failure handling does not apply (a run that failed before the cancel took effect is returned).</param>
    /// <param name="cancellationToken">Cancels the call or stops waiting.</param>
    /// <returns>The run: <c>cancelling</c> or, when waited for or already over, at its final status.</returns>
    /// <exception cref="System.ArgumentException">An id is null or empty.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException">A polling option is out of range.</exception>
    /// <exception cref="ResourceNotFoundException">No such thread or run.</exception>
    /// <exception cref="AssistantsTimeoutException">The run did not end within <see cref="RunPollingOptions.MaxWait"/>.</exception>
    public virtual async Task<ThreadRun> CancelIfActiveAsync(string threadId, string runId, bool waitUntilEnded = false, RunPollingOptions? pollingOptions = null, CancellationToken cancellationToken = default)
    {
        RunPollingOptions options = Prepare(pollingOptions);
        ThreadRun run;
        try
        {
            run = await CancelAsync(threadId, runId, cancellationToken).ConfigureAwait(false);
        }
        catch (AssistantsApiException ex) when (ex.Status is 400 or 409)
        {
            // "Cannot cancel run with status 'completed'": find out whether the run has indeed ended (or is already cancelling).
            run = await GetAsync(threadId, runId, cancellationToken).ConfigureAwait(false);
            if (run.Status?.IsTerminal != true && run.Status != RunStatus.Cancelling)
            {
                throw;
            }
        }

        return waitUntilEnded && run.Status?.IsTerminal != true
            ? await new RunWaiter(this, options, _pipeline).WaitAsync(run, RunWaiter.UntilEnd, cancellationToken).ConfigureAwait(false)
            : run;
    }
}
