using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>
/// One part of a message's content as the server returns it: <see cref="MessageTextContent"/>,
/// <see cref="MessageImageFileContent"/>, <see cref="MessageImageUrlContent"/>, <see cref="MessageRefusalContent"/>,
/// or <see cref="UnknownMessageContent"/> for a type this library does not know.
/// </summary>
/// <remarks>To send content, use <see cref="MessageContentPart"/>.</remarks>
[JsonConverter(typeof(Serialization.MessageContentConverter))]
public abstract class MessageContent : JsonModel
{
    /// <summary>Initializes a content part of the given wire type.</summary>
    /// <param name="type">The wire type, such as <c>text</c>.</param>
    protected MessageContent(string type) => Type = type;

    /// <summary>Gets the wire type of the part, such as <c>text</c> or <c>image_file</c>.</summary>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-1)]
    public string Type { get; init; }
}
