using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>
/// A tool call made in a run step: <see cref="RunStepCodeInterpreterToolCall"/>, <see cref="RunStepFileSearchToolCall"/>, <see cref="RunStepFunctionToolCall"/>, or <see cref="UnknownRunStepToolCall"/> for a type this library does not know.
/// </summary>
[JsonConverter(typeof(Serialization.RunStepToolCallConverter))]
public abstract class RunStepToolCall : JsonModel
{
    private protected RunStepToolCall(string type) => Type = type;

    /// <summary>Gets the wire type.</summary>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-1)]
    public string Type { get; init; }

    /// <summary>Gets the tool call id.</summary>
    [JsonPropertyName("id")]
    [JsonPropertyOrder(-1)]
    public string? Id { get; init; }
}
