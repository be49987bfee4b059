using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The tool calls a run waits for; answer them with <c>RunsClient.SubmitToolOutputsAsync</c>.</summary>
public sealed class SubmitToolOutputsAction : JsonModel
{
    /// <summary>Gets the tool calls to answer.</summary>
    [JsonPropertyName("tool_calls")]
    public IReadOnlyList<RequiredToolCall>? ToolCalls { get; init; }
}
