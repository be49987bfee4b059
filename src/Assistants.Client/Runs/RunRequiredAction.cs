using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>What the caller must do for a <c>requires_action</c> run to continue.</summary>
public sealed class RunRequiredAction : JsonModel
{
    /// <summary>Gets the action type; today always <c>submit_tool_outputs</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>Gets the tool calls whose outputs the run waits for.</summary>
    [JsonPropertyName("submit_tool_outputs")]
    public SubmitToolOutputsAction? SubmitToolOutputs { get; init; }
}
