using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>
/// The answer to a <see cref="ToolApprovalRequest"/>: approve or deny the call, sent in <c>tool_approvals</c> on the
/// <c>submit_tool_outputs</c> route.
/// </summary>
/// <remarks>
/// <see cref="Headers"/> go to the MCP server with the call and often carry credentials: the library sends them in the
/// request body only and never writes them to logs or exception messages.
/// </remarks>
public sealed class ToolApproval : JsonModel
{
    /// <summary>Initializes an empty answer; set its properties.</summary>
    public ToolApproval()
    {
    }

    /// <summary>Initializes the answer to a tool call.</summary>
    /// <param name="toolCallId">The id of the <see cref="ToolApprovalRequest"/> answered.</param>
    /// <param name="approve"><c>true</c> to let the server make the call, <c>false</c> to deny it.</param>
    public ToolApproval(string toolCallId, bool approve)
    {
        ToolCallId = toolCallId;
        Approve = approve;
    }

    /// <summary>Gets or sets the id of the tool call answered.</summary>
    /// <value>The default is <c>null</c>; it must be set before the answer is submitted (the tool loops set it from the request when the callback leaves it out).</value>
    [JsonPropertyName("tool_call_id")]
    public string? ToolCallId { get; set; }

    /// <summary>Gets or sets whether the call is approved.</summary>
    /// <value>The default is <c>false</c>: denied.</value>
    [JsonPropertyName("approve")]
    public bool Approve { get; set; }

    /// <summary>Gets or sets the headers the server sends to the MCP server with an approved call.</summary>
    /// <value>The default is <c>null</c>: not sent.</value>
    [JsonPropertyName("headers")]
    public IDictionary<string, string>? Headers { get; set; }
}
