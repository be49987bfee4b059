using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>A <c>text</c> content part: the text and its annotations.</summary>
public sealed class MessageTextContent : MessageContent
{
    /// <summary>Initializes an empty text part.</summary>
    public MessageTextContent()
        : base("text")
    {
    }

    /// <summary>Gets the text and its annotations.</summary>
    [JsonPropertyName("text")]
    public MessageText? Text { get; init; }
}
