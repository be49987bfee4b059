using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>
/// A changed annotation of a streamed text part, addressed by its <see cref="Index"/>.
/// Known parts: <see cref="FileCitationAnnotationDelta"/>, <see cref="FilePathAnnotationDelta"/>; others arrive as <see cref="UnknownTextAnnotationDelta"/>.
/// </summary>
[JsonConverter(typeof(Serialization.TextAnnotationDeltaConverter))]
public abstract class TextAnnotationDelta : JsonModel
{
    /// <summary>Initializes a part of the given wire type.</summary>
    /// <param name="type">The wire type.</param>
    protected TextAnnotationDelta(string type) => Type = type;

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
}
