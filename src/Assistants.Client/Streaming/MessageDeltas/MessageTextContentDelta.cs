using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>A text fragment of a streamed message part (<c>type: text</c>).</summary>
public sealed class MessageTextContentDelta : MessageContentDelta
{
    /// <summary>Initializes an empty delta part of type <c>text</c>.</summary>
    public MessageTextContentDelta()
        : base("text")
    {
    }

    /// <summary>Gets the text fragment and any annotations that came with it.</summary>
    [JsonPropertyName("text")]
    public MessageTextDelta? Text { get; init; }
}
