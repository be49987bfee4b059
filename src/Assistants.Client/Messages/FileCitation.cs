using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The file a <see cref="FileCitationAnnotation"/> cites.</summary>
public sealed class FileCitation : JsonModel
{
    /// <summary>Gets the id of the cited file.</summary>
    [JsonPropertyName("file_id")]
    public string? FileId { get; init; }
}
