using System.Collections.Generic;
using System.Text.Json.Serialization;
using Assistants.Client.Internal;
using Assistants.Client.Serialization;

namespace Assistants.Client;

/// <summary>
/// A message a new thread starts with (<see cref="ThreadCreationOptions.Messages"/>), or that a run adds before it
/// starts (<c>additional_messages</c>). A single text part is sent as a plain string, other content as an array of parts.
/// </summary>
public sealed class ThreadInitializationMessage : MessageCreationOptions
{
    /// <summary>Initializes a message with text content.</summary>
    /// <param name="role">The author of the message.</param>
    /// <param name="text">The text.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="text"/> is null.</exception>
    public ThreadInitializationMessage(MessageRole role, string text)
    {
        Argument.NotNull(text, nameof(text));
        Role = role;
        Content = new List<MessageContentPart> { MessageContentPart.CreateText(text) };
    }

    /// <summary>Initializes a message with content parts: text and images.</summary>
    /// <param name="role">The author of the message.</param>
    /// <param name="parts">The content parts.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="parts"/> is null.</exception>
    public ThreadInitializationMessage(MessageRole role, IEnumerable<MessageContentPart> parts)
    {
        Argument.NotNull(parts, nameof(parts));
        Role = role;
        Content = new List<MessageContentPart>(parts);
    }

    [JsonConstructor]
    internal ThreadInitializationMessage()
    {
        Content = new List<MessageContentPart>();
    }

    /// <summary>Gets or sets the author of the message.</summary>
    /// <value>The value given to the constructor.</value>
    [JsonPropertyName("role")]
    [JsonPropertyOrder(-2)]
    public MessageRole Role { get; set; }

    /// <summary>Gets or sets the content parts; one plain text part is sent as a bare string.</summary>
    /// <value>The parts given to the constructor. Must hold at least one part when sent.</value>
    [JsonPropertyName("content")]
    [JsonPropertyOrder(-1)]
    [JsonConverter(typeof(MessageContentPartListConverter))]
    public IList<MessageContentPart> Content { get; set; }
}
