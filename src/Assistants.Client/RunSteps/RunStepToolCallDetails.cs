using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The details of a step that called tools (<c>tool_calls</c>).</summary>
public sealed class RunStepToolCallDetails : RunStepDetails
{
    /// <summary>Initializes an empty value, as deserialization and tests build it.</summary>
    public RunStepToolCallDetails()
        : base("tool_calls")
    {
    }

    /// <summary>Gets the tool calls of the step.</summary>
    [JsonPropertyName("tool_calls")]
    public IReadOnlyList<RunStepToolCall>? ToolCalls { get; init; }
}
