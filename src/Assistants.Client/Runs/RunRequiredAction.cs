using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>What the caller must do for a <c>requires_action</c> run to continue.</summary>
public sealed class RunRequiredAction : JsonModel
{
    /// <summary>Gets the action type: <c>submit_tool_outputs</c>, or (Foundry) <c>submit_tool_approval</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>Gets the tool calls whose outputs the run waits for.</summary>
    [JsonPropertyName("submit_tool_outputs")]
    public SubmitToolOutputsAction? SubmitToolOutputs { get; init; }

    /// <summary>Gets the tool calls waiting for approval (Foundry's <c>submit_tool_approval</c>); <c>null</c> for other actions.</summary>
    [JsonPropertyName("submit_tool_approval")]
    public SubmitToolApprovalAction? SubmitToolApproval { get; init; }
}
