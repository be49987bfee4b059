using System.Threading;
using System.Threading.Tasks;
using Assistants.Client.Internal;
using Assistants.Client.Telemetry;

namespace Assistants.Client;

/// <summary>The polling tool loop: answer <c>requires_action</c> with registered .NET functions until the run ends.</summary>
public partial class RunsClient
{
    /// <summary>
    /// Drives a run to its end: polls it, and each time it is <c>requires_action</c> runs the called functions from
    /// <paramref name="tools"/> (in parallel when there are several) and submits all outputs in one call.
    /// </summary>
    /// <param name="run">The run as last seen (just created, or returned at <c>requires_action</c>).</param>
    /// <param name="tools">The functions the run may call.</param>
    /// <param name="pollingOptions">The interval, backoff, maximum wait (for the whole loop) and failure handling.</param>
    /// <param name="cancellationToken">Stops waiting and cancels the running functions.</param>
    /// <returns>
    /// The run at its final status; or at <c>requires_action</c> when the action is not one the loop can answer
    /// (no tool calls, or an action type other than <c>submit_tool_outputs</c>, or <c>submit_tool_approval</c> with no
    /// <see cref="FunctionToolRegistry.ToolApprovalCallback"/>).
    /// </returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="run"/> or <paramref name="tools"/> is null.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException">A polling option is out of range.</exception>
    /// <exception cref="RunFailedException">The run ended failed or expired (unless <see cref="RunPollingOptions.ThrowOnFailure"/> is off).</exception>
    /// <exception cref="FunctionToolException">A function failed or is unknown and <see cref="FunctionToolRegistry.ThrowOnError"/> is set.</exception>
    /// <exception cref="AssistantsTimeoutException">The loop did not end within <see cref="RunPollingOptions.MaxWait"/>.</exception>
    /// <remarks>
    /// If the run's <c>expires_at</c> passes while functions are running, their token fires, nothing is submitted,
    /// and the loop waits for the server to report the run ended (normally <c>expired</c>).
    /// </remarks>
    public virtual async Task<ThreadRun> RunToolLoopAsync(ThreadRun run, FunctionToolRegistry tools, RunPollingOptions? pollingOptions = null, CancellationToken cancellationToken = default)
    {
        Argument.NotNull(run, nameof(run));
        Argument.NotNull(tools, nameof(tools));
        RunPollingOptions options = Prepare(pollingOptions);
        using InvokeAgentScope telemetry = AgentTelemetry.StartInvokeAgent(_pipeline, run.AssistantId, run.ThreadId, run.Id);
        RunWaiter waiter = new(this, options, _pipeline);
        System.Func<ThreadRun, bool> isDone = RunWaiter.UntilActionOrEnd;
        while (true)
        {
            run = await waiter.WaitAsync(run, isDone, cancellationToken).ConfigureAwait(false);
            if (CanApprove(run, tools))
            {
                waiter.ThrowIfOverMaxWait(run);
                run = await SubmitToolApprovalsAsync(run.ThreadId!, run.Id, await ApproveAsync(run, tools, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (run.Status != RunStatus.RequiresAction || run.RequiredAction?.SubmitToolOutputs?.ToolCalls is not { Count: > 0 } calls)
            {
                break;
            }

            waiter.ThrowIfOverMaxWait(run);
            ToolRound round = await tools.ExecuteRoundAsync(calls, LocalExpiry(run, waiter.TimeProvider), waiter.TimeProvider, cancellationToken).ConfigureAwait(false);
            if (round.Expired)
            {
                isDone = RunWaiter.UntilEnd;
                continue;
            }

            run = await SubmitToolOutputsAsync(run.ThreadId!, run.Id, round.Outputs, cancellationToken).ConfigureAwait(false);
        }

        return RunWaiter.CheckOutcome(telemetry.Complete(run), options);
    }

    /// <summary>Starts a run and drives it to its end with <see cref="RunToolLoopAsync"/>.</summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="assistantId">The assistant that executes the run.</param>
    /// <param name="tools">The functions the run may call.</param>
    /// <param name="options">Overrides for this run.</param>
    /// <param name="pollingOptions">The interval, backoff, maximum wait and failure handling.</param>
    /// <param name="cancellationToken">Cancels the call, the waiting and the running functions.</param>
    /// <returns>The run at its final status.</returns>
    /// <exception cref="System.ArgumentException">An id is null or empty, or an option breaks the protocol's limits.</exception>
    /// <exception cref="System.ArgumentNullException"><paramref name="tools"/> is null.</exception>
    /// <exception cref="ActiveRunException">The thread already has an active run.</exception>
    /// <exception cref="RunFailedException">The run ended failed or expired (unless <see cref="RunPollingOptions.ThrowOnFailure"/> is off).</exception>
    /// <exception cref="FunctionToolException">A function failed or is unknown and <see cref="FunctionToolRegistry.ThrowOnError"/> is set.</exception>
    public virtual async Task<ThreadRun> CreateAndRunToolsAsync(string threadId, string assistantId, FunctionToolRegistry tools, RunCreationOptions? options = null, RunPollingOptions? pollingOptions = null, CancellationToken cancellationToken = default)
    {
        Argument.NotNull(tools, nameof(tools));
        Prepare(pollingOptions);
        using InvokeAgentScope telemetry = AgentTelemetry.StartInvokeAgent(_pipeline, assistantId, threadId, model: options?.Model);
        ThreadRun run = await CreateAsync(threadId, assistantId, options, cancellationToken).ConfigureAwait(false);
        return await RunToolLoopAsync(run, tools, pollingOptions, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates a thread, starts a run on it and drives the run to its end with <see cref="RunToolLoopAsync"/>.</summary>
    /// <param name="assistantId">The assistant that executes the run.</param>
    /// <param name="tools">The functions the run may call.</param>
    /// <param name="threadOptions">The new thread.</param>
    /// <param name="runOptions">Overrides for this run.</param>
    /// <param name="pollingOptions">The interval, backoff, maximum wait and failure handling.</param>
    /// <param name="cancellationToken">Cancels the call, the waiting and the running functions.</param>
    /// <returns>The run at its final status; <see cref="ThreadRun.ThreadId"/> names the new thread.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="assistantId"/> is null or empty, or an option is not accepted or breaks the protocol's limits.</exception>
    /// <exception cref="System.ArgumentNullException"><paramref name="tools"/> is null.</exception>
    /// <exception cref="RunFailedException">The run ended failed or expired (unless <see cref="RunPollingOptions.ThrowOnFailure"/> is off).</exception>
    /// <exception cref="FunctionToolException">A function failed or is unknown and <see cref="FunctionToolRegistry.ThrowOnError"/> is set.</exception>
    public virtual async Task<ThreadRun> CreateThreadAndRunToolsAsync(string assistantId, FunctionToolRegistry tools, ThreadCreationOptions? threadOptions = null, RunCreationOptions? runOptions = null, RunPollingOptions? pollingOptions = null, CancellationToken cancellationToken = default)
    {
        Argument.NotNull(tools, nameof(tools));
        Prepare(pollingOptions);
        using InvokeAgentScope telemetry = AgentTelemetry.StartInvokeAgent(_pipeline, assistantId, null, model: runOptions?.Model);
        ThreadRun run = await CreateThreadAndRunAsync(assistantId, threadOptions, runOptions, cancellationToken).ConfigureAwait(false);
        return await RunToolLoopAsync(run, tools, pollingOptions, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The run's <c>expires_at</c> on the local clock: measured from the server's <c>Date</c> header when the response
    /// has one, so a client clock that runs ahead of the server's does not cancel the functions early.
    /// </summary>
    internal static System.DateTimeOffset? LocalExpiry(ThreadRun run, System.TimeProvider timeProvider)
        => LocalExpiry(run.ExpiresAt, run.Response, timeProvider);

    /// <summary>An <c>expires_at</c> on the local clock, measured from the <c>Date</c> header of <paramref name="response"/> when it has one.</summary>
    internal static System.DateTimeOffset? LocalExpiry(System.DateTimeOffset? runExpiresAt, ResponseInfo? response, System.TimeProvider timeProvider)
    {
        if (runExpiresAt is not { } expiresAt)
        {
            return null;
        }

        if (response?.GetHeader("Date") is { } date
            && System.DateTimeOffset.TryParseExact(date, "r", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out System.DateTimeOffset serverNow))
        {
            return timeProvider.GetUtcNow() + (expiresAt - serverNow);
        }

        return expiresAt;
    }
}
