using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The output of a tool call, sent back to a <c>requires_action</c> run.</summary>
public sealed class ToolOutput : JsonModel
{
    /// <summary>Initializes an empty output; set its properties.</summary>
    public ToolOutput()
    {
    }

    /// <summary>Initializes the output of a tool call.</summary>
    /// <param name="toolCallId">The id of the <see cref="RequiredToolCall"/> answered.</param>
    /// <param name="output">The output, usually text or JSON.</param>
    public ToolOutput(string toolCallId, string? output)
    {
        ToolCallId = toolCallId;
        Output = output;
    }

    /// <summary>Gets or sets the id of the tool call answered.</summary>
    /// <value>The default is <c>null</c>; it must be set before the output is submitted.</value>
    [JsonPropertyName("tool_call_id")]
    public string? ToolCallId { get; set; }

    /// <summary>Gets or sets the output.</summary>
    /// <value>The default is <c>null</c>: not sent.</value>
    [JsonPropertyName("output")]
    public string? Output { get; set; }
}
