using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>A file citation annotation of streamed text (<c>type: file_citation</c>).</summary>
public sealed class FileCitationAnnotationDelta : TextAnnotationDelta
{
    /// <summary>Initializes an empty delta part of type <c>file_citation</c>.</summary>
    public FileCitationAnnotationDelta()
        : base("file_citation")
    {
    }

    /// <summary>Gets the text in the message that the annotation replaces.</summary>
    [JsonPropertyName("text")]
    public string? Text { get; init; }

    /// <summary>Gets the start of the annotated range.</summary>
    [JsonPropertyName("start_index")]
    public int? StartIndex { get; init; }

    /// <summary>Gets the end of the annotated range.</summary>
    [JsonPropertyName("end_index")]
    public int? EndIndex { get; init; }

    /// <summary>Gets the cited file.</summary>
    [JsonPropertyName("file_citation")]
    public FileCitationDelta? FileCitation { get; init; }
}
