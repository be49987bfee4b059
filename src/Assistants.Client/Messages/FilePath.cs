using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The generated file a <see cref="FilePathAnnotation"/> links to.</summary>
public sealed class FilePath : JsonModel
{
    /// <summary>Gets the id of the generated file.</summary>
    [JsonPropertyName("file_id")]
    public string? FileId { get; init; }
}
