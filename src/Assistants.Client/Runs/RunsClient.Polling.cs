using System.Threading;
using System.Threading.Tasks;
using Assistants.Client.Internal;
using Assistants.Client.Telemetry;

namespace Assistants.Client;

/// <summary>The run-waiter: start or take a run and poll it until it needs the caller or has ended.</summary>
public partial class RunsClient
{
    /// <summary>
    /// Polls a run until it is <c>requires_action</c> or has ended (completed, failed, cancelled, expired,
    /// incomplete), honouring the server's <c>openai-poll-after-ms</c>. A status the library does not know keeps it waiting.
    /// </summary>
    /// <param name="run">The run as last seen (for example just created); its <see cref="ApiObject.Response"/> may carry the first poll delay.</param>
    /// <param name="pollingOptions">The interval, backoff, maximum wait and failure handling.</param>
    /// <param name="cancellationToken">Stops waiting (the run goes on unless <see cref="RunPollingOptions.CancelRunWhenAbandoned"/> is set).</param>
    /// <returns>The run at <c>requires_action</c> or at its final status.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="run"/> is null.</exception>
    /// <exception cref="System.ArgumentException"><paramref name="run"/> names no thread.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException">A polling option is out of range.</exception>
    /// <exception cref="RunFailedException">The run ended failed or expired (unless <see cref="RunPollingOptions.ThrowOnFailure"/> is off).</exception>
    /// <exception cref="AssistantsTimeoutException">The run did not get there within <see cref="RunPollingOptions.MaxWait"/>.</exception>
    /// <exception cref="System.OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public virtual async Task<ThreadRun> WaitForRunAsync(ThreadRun run, RunPollingOptions? pollingOptions = null, CancellationToken cancellationToken = default)
    {
        Argument.NotNull(run, nameof(run));
        RunPollingOptions options = Prepare(pollingOptions);
        using InvokeAgentScope telemetry = AgentTelemetry.StartInvokeAgent(_pipeline, run.AssistantId, run.ThreadId, run.Id);
        telemetry.Observe(run);
        try
        {
            RunWaiter waiter = new(this, options, _pipeline);
            ThreadRun final = await waiter.WaitAsync(run, RunWaiter.UntilActionOrEnd, cancellationToken).ConfigureAwait(false);
            return RunWaiter.CheckOutcome(telemetry.Complete(final), options);
        }
        catch (System.Exception ex) when (telemetry.Fail(ex))
        {
            throw;
        }
    }

    /// <summary>Retrieves a run, then polls it like <see cref="WaitForRunAsync(ThreadRun, RunPollingOptions?, CancellationToken)"/>.</summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="runId">The run id.</param>
    /// <param name="pollingOptions">The interval, backoff, maximum wait and failure handling.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The run at <c>requires_action</c> or at its final status.</returns>
    /// <exception cref="System.ArgumentException">An id is null or empty.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException">A polling option is out of range.</exception>
    /// <exception cref="ResourceNotFoundException">No such thread or run.</exception>
    /// <exception cref="RunFailedException">The run ended failed or expired (unless <see cref="RunPollingOptions.ThrowOnFailure"/> is off).</exception>
    /// <exception cref="AssistantsTimeoutException">The run did not get there within <see cref="RunPollingOptions.MaxWait"/>.</exception>
    public virtual async Task<ThreadRun> WaitForRunAsync(string threadId, string runId, RunPollingOptions? pollingOptions = null, CancellationToken cancellationToken = default)
    {
        Prepare(pollingOptions);
        using InvokeAgentScope telemetry = AgentTelemetry.StartInvokeAgent(_pipeline, null, threadId, runId);
        try
        {
            ThreadRun run = await GetAsync(threadId, runId, cancellationToken).ConfigureAwait(false);
            return await WaitForRunAsync(run, pollingOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (System.Exception ex) when (telemetry.Fail(ex))
        {
            throw;
        }
    }

    /// <summary>Starts a run (<see cref="CreateAsync"/>) and polls it until it is <c>requires_action</c> or has ended.</summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="assistantId">The assistant that executes the run.</param>
    /// <param name="options">Overrides for this run.</param>
    /// <param name="pollingOptions">The interval, backoff, maximum wait and failure handling.</param>
    /// <param name="cancellationToken">Cancels the call or stops waiting.</param>
    /// <returns>The run at <c>requires_action</c> or at its final status.</returns>
    /// <exception cref="System.ArgumentException">An id is null or empty, or an option breaks the protocol's limits.</exception>
    /// <exception cref="ActiveRunException">The thread already has an active run.</exception>
    /// <exception cref="RunFailedException">The run ended failed or expired (unless <see cref="RunPollingOptions.ThrowOnFailure"/> is off).</exception>
    /// <exception cref="AssistantsTimeoutException">The run did not get there within <see cref="RunPollingOptions.MaxWait"/>.</exception>
    public virtual async Task<ThreadRun> CreateAndPollAsync(string threadId, string assistantId, RunCreationOptions? options = null, RunPollingOptions? pollingOptions = null, CancellationToken cancellationToken = default)
    {
        Prepare(pollingOptions);
        using InvokeAgentScope telemetry = AgentTelemetry.StartInvokeAgent(_pipeline, assistantId, threadId, model: options?.Model);
        try
        {
            ThreadRun run = await CreateAsync(threadId, assistantId, options, cancellationToken).ConfigureAwait(false);
            return await WaitForRunAsync(run, pollingOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (System.Exception ex) when (telemetry.Fail(ex))
        {
            throw;
        }
    }

    /// <summary>Creates a thread, starts a run on it (<see cref="CreateThreadAndRunAsync"/>) and polls the run until it is <c>requires_action</c> or has ended.</summary>
    /// <param name="assistantId">The assistant that executes the run.</param>
    /// <param name="threadOptions">The new thread.</param>
    /// <param name="runOptions">Overrides for this run.</param>
    /// <param name="pollingOptions">The interval, backoff, maximum wait and failure handling.</param>
    /// <param name="cancellationToken">Cancels the call or stops waiting.</param>
    /// <returns>The run at <c>requires_action</c> or at its final status; <see cref="ThreadRun.ThreadId"/> names the new thread.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="assistantId"/> is null or empty, or an option is not accepted or breaks the protocol's limits.</exception>
    /// <exception cref="RunFailedException">The run ended failed or expired (unless <see cref="RunPollingOptions.ThrowOnFailure"/> is off).</exception>
    /// <exception cref="AssistantsTimeoutException">The run did not get there within <see cref="RunPollingOptions.MaxWait"/>.</exception>
    public virtual async Task<ThreadRun> CreateThreadAndRunAndPollAsync(string assistantId, ThreadCreationOptions? threadOptions = null, RunCreationOptions? runOptions = null, RunPollingOptions? pollingOptions = null, CancellationToken cancellationToken = default)
    {
        Prepare(pollingOptions);
        using InvokeAgentScope telemetry = AgentTelemetry.StartInvokeAgent(_pipeline, assistantId, null, model: runOptions?.Model);
        try
        {
            ThreadRun run = await CreateThreadAndRunAsync(assistantId, threadOptions, runOptions, cancellationToken).ConfigureAwait(false);
            return await WaitForRunAsync(run, pollingOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (System.Exception ex) when (telemetry.Fail(ex))
        {
            throw;
        }
    }

    /// <summary>Submits tool outputs (<see cref="SubmitToolOutputsAsync"/>) and polls the run until it is <c>requires_action</c> again or has ended.</summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="runId">The run id.</param>
    /// <param name="toolOutputs">One output per required tool call.</param>
    /// <param name="pollingOptions">The interval, backoff, maximum wait and failure handling.</param>
    /// <param name="cancellationToken">Cancels the call or stops waiting.</param>
    /// <returns>The run at <c>requires_action</c> or at its final status.</returns>
    /// <exception cref="System.ArgumentException">An id is null or empty, or an output lacks its tool call id.</exception>
    /// <exception cref="System.ArgumentNullException"><paramref name="toolOutputs"/> is null.</exception>
    /// <exception cref="RunFailedException">The run ended failed or expired (unless <see cref="RunPollingOptions.ThrowOnFailure"/> is off).</exception>
    /// <exception cref="AssistantsTimeoutException">The run did not get there within <see cref="RunPollingOptions.MaxWait"/>.</exception>
    public virtual async Task<ThreadRun> SubmitToolOutputsAndPollAsync(string threadId, string runId, System.Collections.Generic.IEnumerable<ToolOutput> toolOutputs, RunPollingOptions? pollingOptions = null, CancellationToken cancellationToken = default)
    {
        Prepare(pollingOptions);
        using InvokeAgentScope telemetry = AgentTelemetry.StartInvokeAgent(_pipeline, null, threadId, runId);
        try
        {
            ThreadRun run = await SubmitToolOutputsAsync(threadId, runId, toolOutputs, cancellationToken).ConfigureAwait(false);
            return await WaitForRunAsync(run, pollingOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (System.Exception ex) when (telemetry.Fail(ex))
        {
            throw;
        }
    }

    private static RunPollingOptions Prepare(RunPollingOptions? pollingOptions)
    {
        RunPollingOptions options = pollingOptions ?? RunPollingOptions.Default;
        options.Validate();
        return options;
    }
}
