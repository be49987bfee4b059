using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The changed fields of an image URL part.</summary>
public sealed class MessageImageUrlDelta : JsonModel
{
    /// <summary>Gets the URL of the image.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>Gets the detail level (<c>auto</c>, <c>low</c>, <c>high</c>).</summary>
    [JsonPropertyName("detail")]
    public string? Detail { get; init; }
}
