using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Assistants.Client.Internal;

/// <summary>The body of <c>submit_tool_outputs</c> answering <c>submit_tool_approval</c>: <c>tool_approvals</c>, then <c>stream</c> for the streaming call.</summary>
internal sealed class SubmitToolApprovalsRequest
{
    public SubmitToolApprovalsRequest(List<ToolApproval> toolApprovals, bool stream)
    {
        ToolApprovals = toolApprovals;
        Stream = stream ? true : null;
    }

    [JsonPropertyName("tool_approvals")]
    public List<ToolApproval> ToolApprovals { get; }

    [JsonPropertyName("stream")]
    public bool? Stream { get; }
}
