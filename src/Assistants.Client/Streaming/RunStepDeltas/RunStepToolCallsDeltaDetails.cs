using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The details of a streamed tool calls step (<c>type: tool_calls</c>).</summary>
public sealed class RunStepToolCallsDeltaDetails : RunStepDeltaDetails
{
    /// <summary>Initializes an empty delta part of type <c>tool_calls</c>.</summary>
    public RunStepToolCallsDeltaDetails()
        : base("tool_calls")
    {
    }

    /// <summary>Gets the tool calls that changed, each with the <c>index</c> of the call it extends.</summary>
    [JsonPropertyName("tool_calls")]
    public IReadOnlyList<RunStepToolCallDelta>? ToolCalls { get; init; }
}
