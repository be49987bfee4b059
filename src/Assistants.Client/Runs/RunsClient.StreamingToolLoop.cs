using System;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Client.Internal;
using Assistants.Client.Telemetry;

namespace Assistants.Client;

/// <summary>The streaming tool loop: the polling tool loop's rounds, with every stream read by one <see cref="AssistantEventHandler"/>.</summary>
public partial class RunsClient
{
    /// <summary>
    /// Drives a streamed run to its end: reads <paramref name="stream"/> through <paramref name="handler"/>, and each
    /// time the run is <c>requires_action</c> runs the called functions from <paramref name="tools"/> (in parallel when
    /// there are several), submits all outputs in one call with <see cref="SubmitToolOutputsStreamingAsync"/> and reads
    /// the continuation through the same handler, so the handler sees one run from start to end.
    /// </summary>
    /// <param name="stream">The run's first stream (from <see cref="CreateStreamingAsync"/>, <see cref="CreateThreadAndRunStreamingAsync"/> or a submit); the loop consumes and disposes it.</param>
    /// <param name="tools">The functions the run may call.</param>
    /// <param name="handler">Receives the events of every stream of the run.</param>
    /// <param name="pollingOptions">The failure handling, the maximum wait (checked between rounds) and the clock; the
    /// interval applies only when the loop has to poll (a stream that ended before the run paused or ended, a run
    /// that expired while its functions ran).</param>
    /// <param name="cancellationToken">Stops reading (the stream is disposed, see <see cref="RunStream.CancelRunOnAbandon"/>) and cancels the running functions.</param>
    /// <returns>
    /// The run at its final status; or at <c>requires_action</c> when the action is not one the loop can answer
    /// (no tool calls, or an action type other than <c>submit_tool_outputs</c>, or <c>submit_tool_approval</c> with no
    /// <see cref="FunctionToolRegistry.ToolApprovalCallback"/>).
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/>, <paramref name="tools"/> or <paramref name="handler"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A polling option is out of range.</exception>
    /// <exception cref="InvalidOperationException">A stream ended without any run event.</exception>
    /// <exception cref="AssistantsApiException">A stream sent an <c>error</c> event or unreadable data, or a submit was refused.</exception>
    /// <exception cref="StreamEndedEarlyException">A stream was cut in the middle of an event.</exception>
    /// <exception cref="RunFailedException">The run ended failed or expired (unless <see cref="RunPollingOptions.ThrowOnFailure"/> is off).</exception>
    /// <exception cref="FunctionToolException">A function failed or is unknown and <see cref="FunctionToolRegistry.ThrowOnError"/> is set.</exception>
    /// <exception cref="AssistantsTimeoutException">The loop was still going after <see cref="RunPollingOptions.MaxWait"/>.</exception>
    /// <remarks>
    /// As in <see cref="RunToolLoopAsync"/>, a function that throws or is not registered gives the model an error
    /// output, and the functions' token fires when the run's <c>expires_at</c> passes; then nothing is submitted and
    /// the loop polls until the server reports the run ended (normally <c>expired</c>). The handler's
    /// <see cref="AssistantEventHandler.TextDeltas"/> ends when the loop ends, whichever way.
    /// </remarks>
    public virtual async Task<ThreadRun> StreamToolLoopAsync(RunStream stream, FunctionToolRegistry tools, AssistantEventHandler handler, RunPollingOptions? pollingOptions = null, CancellationToken cancellationToken = default)
    {
        Argument.NotNull(stream, nameof(stream));
        RunPollingOptions options;
        try
        {
            Argument.NotNull(tools, nameof(tools));
            Argument.NotNull(handler, nameof(handler));
            options = Prepare(pollingOptions);
        }
        catch (Exception)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        using InvokeAgentScope telemetry = AgentTelemetry.ContinueInvokeAgent(_pipeline, stream);
        try
        {
            ThreadRun run = await StreamRoundsAsync(stream, tools, handler, new RunWaiter(this, options, _pipeline), cancellationToken).ConfigureAwait(false);
            return RunWaiter.CheckOutcome(telemetry.Complete(run), options);
        }
        catch (Exception ex) when (ex is not RunFailedException)
        {
            telemetry.Fail(ex);
            handler.CompleteTextDeltas(ex);
            throw;
        }
        finally
        {
            handler.CompleteTextDeltas(null);
        }
    }

    /// <summary>Starts a streamed run and drives it to its end with <see cref="StreamToolLoopAsync"/>.</summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="assistantId">The assistant that executes the run.</param>
    /// <param name="tools">The functions the run may call.</param>
    /// <param name="handler">Receives the events of every stream of the run.</param>
    /// <param name="options">Overrides for this run.</param>
    /// <param name="pollingOptions">The failure handling, maximum wait and clock (see <see cref="StreamToolLoopAsync"/>).</param>
    /// <param name="cancellationToken">Cancels the call, the reading and the running functions.</param>
    /// <returns>The run at its final status.</returns>
    /// <exception cref="ArgumentException">An id is null or empty, or an option breaks the protocol's limits.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="tools"/> or <paramref name="handler"/> is null.</exception>
    /// <exception cref="ActiveRunException">The thread already has an active run.</exception>
    /// <exception cref="RunFailedException">The run ended failed or expired (unless <see cref="RunPollingOptions.ThrowOnFailure"/> is off).</exception>
    /// <exception cref="FunctionToolException">A function failed or is unknown and <see cref="FunctionToolRegistry.ThrowOnError"/> is set.</exception>
    public virtual async Task<ThreadRun> CreateAndStreamToolsAsync(string threadId, string assistantId, FunctionToolRegistry tools, AssistantEventHandler handler, RunCreationOptions? options = null, RunPollingOptions? pollingOptions = null, CancellationToken cancellationToken = default)
    {
        Argument.NotNull(tools, nameof(tools));
        Argument.NotNull(handler, nameof(handler));
        Prepare(pollingOptions);
        using InvokeAgentScope telemetry = AgentTelemetry.StartInvokeAgent(_pipeline, assistantId, threadId, model: options?.Model);
        RunStream stream = await CreateStreamingAsync(threadId, assistantId, options, cancellationToken).ConfigureAwait(false);
        return await StreamToolLoopAsync(stream, tools, handler, pollingOptions, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates a thread, starts a streamed run on it and drives the run to its end with <see cref="StreamToolLoopAsync"/>.</summary>
    /// <param name="assistantId">The assistant that executes the run.</param>
    /// <param name="tools">The functions the run may call.</param>
    /// <param name="handler">Receives the events of every stream of the run (<see cref="AssistantEventHandler.CurrentThread"/> names the new thread).</param>
    /// <param name="threadOptions">The new thread.</param>
    /// <param name="runOptions">Overrides for this run.</param>
    /// <param name="pollingOptions">The failure handling, maximum wait and clock (see <see cref="StreamToolLoopAsync"/>).</param>
    /// <param name="cancellationToken">Cancels the call, the reading and the running functions.</param>
    /// <returns>The run at its final status; <see cref="ThreadRun.ThreadId"/> names the new thread.</returns>
    /// <exception cref="ArgumentException"><paramref name="assistantId"/> is null or empty, or an option is not accepted.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="tools"/> or <paramref name="handler"/> is null.</exception>
    /// <exception cref="RunFailedException">The run ended failed or expired (unless <see cref="RunPollingOptions.ThrowOnFailure"/> is off).</exception>
    /// <exception cref="FunctionToolException">A function failed or is unknown and <see cref="FunctionToolRegistry.ThrowOnError"/> is set.</exception>
    public virtual async Task<ThreadRun> CreateThreadAndStreamToolsAsync(string assistantId, FunctionToolRegistry tools, AssistantEventHandler handler, ThreadCreationOptions? threadOptions = null, RunCreationOptions? runOptions = null, RunPollingOptions? pollingOptions = null, CancellationToken cancellationToken = default)
    {
        Argument.NotNull(tools, nameof(tools));
        Argument.NotNull(handler, nameof(handler));
        Prepare(pollingOptions);
        using InvokeAgentScope telemetry = AgentTelemetry.StartInvokeAgent(_pipeline, assistantId, null, model: runOptions?.Model);
        RunStream stream = await CreateThreadAndRunStreamingAsync(assistantId, threadOptions, runOptions, cancellationToken).ConfigureAwait(false);
        return await StreamToolLoopAsync(stream, tools, handler, pollingOptions, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ThreadRun> StreamRoundsAsync(RunStream stream, FunctionToolRegistry tools, AssistantEventHandler handler, RunWaiter waiter, CancellationToken cancellationToken)
    {
        ThreadRun run = await ConsumeUntilActionOrEndAsync(stream, handler, waiter, cancellationToken).ConfigureAwait(false);
        run = await StreamApprovalsAsync(run, stream.ThreadId, tools, handler, waiter, cancellationToken).ConfigureAwait(false);
        while (run.Status == RunStatus.RequiresAction && run.RequiredAction?.SubmitToolOutputs?.ToolCalls is { Count: > 0 } calls)
        {
            waiter.ThrowIfOverMaxWait(run);
            DateTimeOffset? expiresAt = LocalExpiry(run.ExpiresAt, run.Response ?? stream.Response, waiter.TimeProvider);
            ToolRound round = await tools.ExecuteRoundAsync(calls, expiresAt, waiter.TimeProvider, cancellationToken).ConfigureAwait(false);
            if (round.Expired)
            {
                return await waiter.WaitAsync(run, RunWaiter.UntilEnd, cancellationToken).ConfigureAwait(false);
            }

            bool recoverOnBreak = stream.RecoverOnBreak;
            stream = await SubmitToolOutputsStreamingAsync(run.ThreadId ?? stream.ThreadId!, run.Id, round.Outputs, cancellationToken).ConfigureAwait(false);
            stream.RecoverOnBreak = recoverOnBreak;
            run = await ConsumeUntilActionOrEndAsync(stream, handler, waiter, cancellationToken).ConfigureAwait(false);
            run = await StreamApprovalsAsync(run, stream.ThreadId, tools, handler, waiter, cancellationToken).ConfigureAwait(false);
        }

        return run;
    }

    /// <summary>Reads one stream through the handler; polls on if it ended before the run paused or ended.</summary>
    private static async Task<ThreadRun> ConsumeUntilActionOrEndAsync(RunStream stream, AssistantEventHandler handler, RunWaiter waiter, CancellationToken cancellationToken)
    {
        // A stream that breaks is recovered by the handler with the loop's polling options (RunStream.RecoverOnBreak).
        await handler.ConsumeCoreAsync(stream, waiter.Options, cancellationToken).ConfigureAwait(false);
        ThreadRun run = stream.LatestRun ?? throw new InvalidOperationException("The run stream ended without any run event.");
        return RunWaiter.UntilActionOrEnd(run)
            ? run
            : await waiter.WaitAsync(run, RunWaiter.UntilActionOrEnd, cancellationToken).ConfigureAwait(false);
    }
}
