using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>
/// A changed tool call of a streamed run step, addressed by its <see cref="Index"/>.
/// Known parts: <see cref="RunStepFunctionToolCallDelta"/>, <see cref="RunStepCodeInterpreterToolCallDelta"/>, <see cref="RunStepFileSearchToolCallDelta"/>; others arrive as <see cref="UnknownRunStepToolCallDelta"/>.
/// </summary>
[JsonConverter(typeof(Serialization.RunStepToolCallDeltaConverter))]
public abstract class RunStepToolCallDelta : JsonModel
{
    /// <summary>Initializes a part of the given wire type.</summary>
    /// <param name="type">The wire type.</param>
    protected RunStepToolCallDelta(string type) => Type = type;

    /// <summary>Gets the wire type of this part.</summary>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-1)]
    public string Type { get; init; }

    /// <summary>Gets the position of the part this delta changes; deltas with the same index merge.</summary>
    /// <value><c>0</c> when the server left the field out; it then stays out when the model is written again.</value>
    [JsonIgnore]
    public int Index { get => WireIndex ?? 0; init => WireIndex = value; }

    /// <summary>The <c>index</c> as it was on the wire: <c>null</c> when absent, so it is not written back as <c>0</c>.</summary>
    [JsonInclude]
    [JsonPropertyName("index")]
    [JsonPropertyOrder(-2)]
    internal int? WireIndex { get; init; }

    /// <summary>Gets the tool call id; only the first delta of a call carries it.</summary>
    [JsonPropertyName("id")]
    [JsonPropertyOrder(-2)]
    public string? Id { get; init; }
}
