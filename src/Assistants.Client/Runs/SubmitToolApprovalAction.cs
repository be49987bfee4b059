using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>
/// The tool calls a run waits to have approved (Foundry's <c>submit_tool_approval</c>, for MCP tools that ask for
/// approval); answer them with <c>RunsClient.SubmitToolApprovalsAsync</c> or a <see cref="FunctionToolRegistry.ToolApprovalCallback"/>.
/// </summary>
public sealed class SubmitToolApprovalAction : JsonModel
{
    /// <summary>Gets the tool calls to approve or deny.</summary>
    [JsonPropertyName("tool_calls")]
    public IReadOnlyList<ToolApprovalRequest>? ToolCalls { get; init; }
}
