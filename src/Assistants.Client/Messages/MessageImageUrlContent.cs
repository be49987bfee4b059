using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>An <c>image_url</c> content part: an image on the web.</summary>
public sealed class MessageImageUrlContent : MessageContent
{
    /// <summary>Initializes an empty image-URL part.</summary>
    public MessageImageUrlContent()
        : base("image_url")
    {
    }

    /// <summary>Gets the URL and the level of detail.</summary>
    [JsonPropertyName("image_url")]
    public ImageUrl? ImageUrl { get; init; }
}
