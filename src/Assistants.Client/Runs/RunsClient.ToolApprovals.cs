using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Client.Internal;
using Assistants.Client.Serialization;

namespace Assistants.Client;

/// <summary>
/// Foundry's <c>submit_tool_approval</c> action: approvals are answered with <c>tool_approvals</c> on the
/// <c>submit_tool_outputs</c> route (the same operation in the capability table).
/// </summary>
public partial class RunsClient
{
    /// <summary>Approves or denies the tool calls of a run waiting at <c>submit_tool_approval</c> (Foundry), so it continues. The call is not retried once sent.</summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="runId">The run id.</param>
    /// <param name="toolApprovals">One answer per <see cref="ToolApprovalRequest"/>, each with its <see cref="ToolApproval.ToolCallId"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run, usually <c>queued</c> again.</returns>
    /// <exception cref="System.ArgumentException">An id is null or empty, or an answer is null or lacks its tool call id.</exception>
    /// <exception cref="System.ArgumentNullException"><paramref name="toolApprovals"/> is null.</exception>
    /// <exception cref="OperationNotSupportedException">The server profile does not serve <c>submit_tool_outputs</c>.</exception>
    /// <exception cref="AssistantsApiException">The server refused, for example because the run is not waiting for approvals.</exception>
    public virtual Task<ThreadRun> SubmitToolApprovalsAsync(string threadId, string runId, IEnumerable<ToolApproval> toolApprovals, CancellationToken cancellationToken = default)
        => _pipeline.SendJsonAsync(ApiOperations.SubmitToolOutputs, BuildSubmitToolApprovalsRequest(threadId, runId, toolApprovals, stream: false), AssistantsJsonContext.Default.ThreadRun, cancellationToken);

    /// <summary>
    /// Approves or denies the tool calls of a run waiting at <c>submit_tool_approval</c> and streams the run's
    /// continuation; give the stream to the same <see cref="AssistantEventHandler"/> to see the run as one stream.
    /// </summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="runId">The run id.</param>
    /// <param name="toolApprovals">One answer per <see cref="ToolApprovalRequest"/>.</param>
    /// <param name="cancellationToken">Cancels the call and the reading of the stream.</param>
    /// <returns>The run stream.</returns>
    /// <exception cref="System.ArgumentException">An id is null or empty, or an answer lacks its tool call id.</exception>
    /// <exception cref="System.ArgumentNullException"><paramref name="toolApprovals"/> is null.</exception>
    /// <exception cref="OperationNotSupportedException">The server profile does not serve streamed <c>submit_tool_outputs</c>.</exception>
    /// <exception cref="AssistantsApiException">The server refused, for example because the run is not waiting for approvals.</exception>
    public virtual Task<RunStream> SubmitToolApprovalsStreamingAsync(string threadId, string runId, IEnumerable<ToolApproval> toolApprovals, CancellationToken cancellationToken = default)
        => SendStreamingAsync(ApiOperations.SubmitToolOutputsStream, BuildSubmitToolApprovalsRequest(threadId, runId, toolApprovals, stream: true), threadId, runId, cancellationToken);

    /// <summary>The streaming loop's approval rounds: while the run asks for approval and a callback answers, submit and read the continuation.</summary>
    private async Task<ThreadRun> StreamApprovalsAsync(ThreadRun run, string? threadId, FunctionToolRegistry tools, AssistantEventHandler handler, RunWaiter waiter, CancellationToken cancellationToken)
    {
        while (CanApprove(run, tools))
        {
            waiter.ThrowIfOverMaxWait(run);
            List<ToolApproval> approvals = await ApproveAsync(run, tools, cancellationToken).ConfigureAwait(false);
            RunStream stream = await SubmitToolApprovalsStreamingAsync(run.ThreadId ?? threadId!, run.Id, approvals, cancellationToken).ConfigureAwait(false);
            run = await ConsumeUntilActionOrEndAsync(stream, handler, waiter, cancellationToken).ConfigureAwait(false);
        }

        return run;
    }

    /// <summary>Whether the tool loops can answer this run's action: <c>submit_tool_approval</c> with calls, and a callback to ask.</summary>
    private static bool CanApprove(ThreadRun run, FunctionToolRegistry tools)
        => run.Status == RunStatus.RequiresAction && tools.ToolApprovalCallback is not null && run.RequiredAction?.SubmitToolApproval?.ToolCalls is { Count: > 0 };

    /// <summary>Asks the callback about each call, in order; fills in a missing tool call id from the request.</summary>
    private static async Task<List<ToolApproval>> ApproveAsync(ThreadRun run, FunctionToolRegistry tools, CancellationToken cancellationToken)
    {
        List<ToolApproval> approvals = new();
        foreach (ToolApprovalRequest request in run.RequiredAction!.SubmitToolApproval!.ToolCalls!)
        {
            ToolApproval approval = await tools.ToolApprovalCallback!(request, cancellationToken).ConfigureAwait(false)
                ?? throw new System.InvalidOperationException($"The tool approval callback returned null for tool call '{request.Id}' ({request.Name}); return a ToolApproval that approves or denies it.");
            if (string.IsNullOrEmpty(approval.ToolCallId))
            {
                approval.ToolCallId = request.Id;
            }

            approvals.Add(approval);
        }

        return approvals;
    }

    private HttpRequestMessage BuildSubmitToolApprovalsRequest(string threadId, string runId, IEnumerable<ToolApproval> toolApprovals, bool stream)
    {
        Argument.Id(threadId, nameof(threadId));
        Argument.Id(runId, nameof(runId));
        Argument.NotNull(toolApprovals, nameof(toolApprovals));
        List<ToolApproval> approvals = new(toolApprovals);
        foreach (ToolApproval? approval in approvals)
        {
            if (approval is null || string.IsNullOrEmpty(approval.ToolCallId))
            {
                throw new System.ArgumentException("Every tool approval needs the ToolCallId of the call it answers.", nameof(toolApprovals));
            }
        }

        HttpContent content = ClientPipeline.JsonContent(new SubmitToolApprovalsRequest(approvals, stream), AssistantsJsonContext.Default.SubmitToolApprovalsRequest);
        return _pipeline.CreateRequest(stream ? ApiOperations.SubmitToolOutputsStream : ApiOperations.SubmitToolOutputs, RunPath(threadId, runId) + "/submit_tool_outputs", null, content);
    }
}
