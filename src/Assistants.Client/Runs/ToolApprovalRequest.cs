using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>
/// A tool call the server will make only once the caller approves it (Foundry: an MCP tool with
/// <c>require_approval</c>); answered with a <see cref="ToolApproval"/> naming its <see cref="Id"/>.
/// </summary>
public sealed class ToolApprovalRequest : JsonModel
{
    /// <summary>Gets the tool call id, to send back as <see cref="ToolApproval.ToolCallId"/>.</summary>
    /// <value>Empty when the server left the field out; it then stays out when the model is written again.</value>
    [JsonIgnore]
    public string Id { get => WireId ?? string.Empty; init => WireId = value; }

    /// <summary>The <c>id</c> as it was on the wire: <c>null</c> when absent, so it is not written back as <c>""</c>.</summary>
    [JsonInclude]
    [JsonPropertyName("id")]
    internal string? WireId { get; init; }

    /// <summary>Gets the tool call type; <c>mcp</c> in the shapes Foundry documents.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>Gets the name of the tool the model wants to call.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Gets the arguments as a JSON string, as the model wrote them.</summary>
    [JsonPropertyName("arguments")]
    public string? Arguments { get; init; }

    /// <summary>Gets the label of the MCP server that serves the tool.</summary>
    [JsonPropertyName("server_label")]
    public string? ServerLabel { get; init; }
}
