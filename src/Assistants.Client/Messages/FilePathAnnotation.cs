using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>A <c>file_path</c> annotation: a link to a file the <c>code_interpreter</c> tool generated.</summary>
public sealed class FilePathAnnotation : TextAnnotation
{
    /// <summary>Initializes an empty file-path annotation.</summary>
    public FilePathAnnotation()
        : base("file_path")
    {
    }

    /// <summary>Gets the generated file.</summary>
    [JsonPropertyName("file_path")]
    public FilePath? FilePath { get; init; }

    /// <summary>Gets the id of the generated file (a shortcut to <see cref="FilePath"/>).</summary>
    [JsonIgnore]
    public string? FileId => FilePath?.FileId;
}
