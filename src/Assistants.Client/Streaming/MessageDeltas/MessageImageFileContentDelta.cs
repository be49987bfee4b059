using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>An image file part of a streamed message (<c>type: image_file</c>).</summary>
public sealed class MessageImageFileContentDelta : MessageContentDelta
{
    /// <summary>Initializes an empty delta part of type <c>image_file</c>.</summary>
    public MessageImageFileContentDelta()
        : base("image_file")
    {
    }

    /// <summary>Gets the image file fields that changed.</summary>
    [JsonPropertyName("image_file")]
    public MessageImageFileDelta? ImageFile { get; init; }
}
