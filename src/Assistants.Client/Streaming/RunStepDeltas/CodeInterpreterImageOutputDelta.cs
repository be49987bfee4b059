using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>An image from a streamed code interpreter call (<c>type: image</c>).</summary>
public sealed class CodeInterpreterImageOutputDelta : CodeInterpreterOutputDelta
{
    /// <summary>Initializes an empty delta part of type <c>image</c>.</summary>
    public CodeInterpreterImageOutputDelta()
        : base("image")
    {
    }

    /// <summary>Gets the image file.</summary>
    [JsonPropertyName("image")]
    public CodeInterpreterImageDelta? Image { get; init; }
}
