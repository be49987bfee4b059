using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>An image URL part of a streamed message (<c>type: image_url</c>).</summary>
public sealed class MessageImageUrlContentDelta : MessageContentDelta
{
    /// <summary>Initializes an empty delta part of type <c>image_url</c>.</summary>
    public MessageImageUrlContentDelta()
        : base("image_url")
    {
    }

    /// <summary>Gets the image URL fields that changed.</summary>
    [JsonPropertyName("image_url")]
    public MessageImageUrlDelta? ImageUrl { get; init; }
}
