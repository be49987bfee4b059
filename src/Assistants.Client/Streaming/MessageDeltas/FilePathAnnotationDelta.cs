using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>A file path annotation of streamed text (<c>type: file_path</c>).</summary>
public sealed class FilePathAnnotationDelta : TextAnnotationDelta
{
    /// <summary>Initializes an empty delta part of type <c>file_path</c>.</summary>
    public FilePathAnnotationDelta()
        : base("file_path")
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

    /// <summary>Gets the generated file.</summary>
    [JsonPropertyName("file_path")]
    public FilePathDelta? FilePath { get; init; }
}
