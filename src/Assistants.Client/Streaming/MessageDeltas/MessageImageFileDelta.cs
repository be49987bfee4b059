using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The changed fields of an image file part.</summary>
public sealed class MessageImageFileDelta : JsonModel
{
    /// <summary>Gets the id of the image file.</summary>
    [JsonPropertyName("file_id")]
    public string? FileId { get; init; }

    /// <summary>Gets the detail level (<c>auto</c>, <c>low</c>, <c>high</c>).</summary>
    [JsonPropertyName("detail")]
    public string? Detail { get; init; }
}
