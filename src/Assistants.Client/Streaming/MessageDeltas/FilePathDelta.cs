using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The file a streamed file path annotation refers to.</summary>
public sealed class FilePathDelta : JsonModel
{
    /// <summary>Gets the id of the generated file.</summary>
    [JsonPropertyName("file_id")]
    public string? FileId { get; init; }
}
