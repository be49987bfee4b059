using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The file a streamed citation refers to.</summary>
public sealed class FileCitationDelta : JsonModel
{
    /// <summary>Gets the id of the cited file.</summary>
    [JsonPropertyName("file_id")]
    public string? FileId { get; init; }

    /// <summary>Gets the quoted text, when the server sends it.</summary>
    [JsonPropertyName("quote")]
    public string? Quote { get; init; }
}
