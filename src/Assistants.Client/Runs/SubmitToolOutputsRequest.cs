using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Assistants.Client.Internal;

/// <summary>The body of <c>submit_tool_outputs</c>; <c>stream</c> is written only for the streaming call.</summary>
internal sealed class SubmitToolOutputsRequest
{
    public SubmitToolOutputsRequest(List<ToolOutput> toolOutputs, bool stream)
    {
        ToolOutputs = toolOutputs;
        Stream = stream ? true : null;
    }

    [JsonPropertyName("tool_outputs")]
    public List<ToolOutput> ToolOutputs { get; }

    [JsonPropertyName("stream")]
    public bool? Stream { get; }
}
