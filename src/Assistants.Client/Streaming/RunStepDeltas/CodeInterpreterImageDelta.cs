using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The image file of a streamed code interpreter output.</summary>
public sealed class CodeInterpreterImageDelta : JsonModel
{
    /// <summary>Gets the id of the image file.</summary>
    [JsonPropertyName("file_id")]
    public string? FileId { get; init; }
}
