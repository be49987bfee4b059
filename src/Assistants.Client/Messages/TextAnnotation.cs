using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>
/// A span of a message's text that refers to a file: <see cref="FileCitationAnnotation"/>,
/// <see cref="FilePathAnnotation"/>, or <see cref="UnknownTextAnnotation"/> for a type this library does not know.
/// </summary>
[JsonConverter(typeof(Serialization.TextAnnotationConverter))]
public abstract class TextAnnotation : JsonModel
{
    /// <summary>Initializes an annotation of the given wire type.</summary>
    /// <param name="type">The wire type, such as <c>file_citation</c>.</param>
    protected TextAnnotation(string type) => Type = type;

    /// <summary>Gets the wire type of the annotation.</summary>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-1)]
    public string Type { get; init; }

    /// <summary>Gets the text in the message that the annotation replaces, such as <c>【4:0†source】</c>.</summary>
    [JsonPropertyName("text")]
    public string? Text { get; init; }

    /// <summary>Gets the index of the first character of the span.</summary>
    [JsonPropertyName("start_index")]
    public int? StartIndex { get; init; }

    /// <summary>Gets the index just past the last character of the span.</summary>
    [JsonPropertyName("end_index")]
    public int? EndIndex { get; init; }
}
