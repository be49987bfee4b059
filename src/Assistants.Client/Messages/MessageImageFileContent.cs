using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>An <c>image_file</c> content part: an image uploaded as a file.</summary>
public sealed class MessageImageFileContent : MessageContent
{
    /// <summary>Initializes an empty image-file part.</summary>
    public MessageImageFileContent()
        : base("image_file")
    {
    }

    /// <summary>Gets the file and the level of detail.</summary>
    [JsonPropertyName("image_file")]
    public ImageFile? ImageFile { get; init; }
}
