using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>A function call the model made that the caller must execute and answer with a <see cref="ToolOutput"/>.</summary>
public sealed class RequiredToolCall : JsonModel
{
    /// <summary>Gets the tool call id, to send back as <see cref="ToolOutput.ToolCallId"/>.</summary>
    /// <value>Empty when the server left the field out; it then stays out when the model is written again.</value>
    [JsonIgnore]
    public string Id { get => WireId ?? string.Empty; init => WireId = value; }

    /// <summary>The <c>id</c> as it was on the wire: <c>null</c> when absent, so it is not written back as <c>""</c>.</summary>
    [JsonInclude]
    [JsonPropertyName("id")]
    internal string? WireId { get; init; }

    /// <summary>Gets the tool call type; today always <c>function</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>Gets the function and the arguments the model chose.</summary>
    [JsonPropertyName("function")]
    public RequiredFunctionCall? Function { get; init; }

    /// <summary>Gets the name of the function to call.</summary>
    [JsonIgnore]
    public string? FunctionName => Function?.Name;

    /// <summary>Gets the arguments as a JSON string, as the model wrote them.</summary>
    [JsonIgnore]
    public string? FunctionArguments => Function?.Arguments;
}
