using System;
using System.Collections.Generic;

namespace Assistants.Client.Internal;

/// <summary>Checks message inputs before any request: content present, no null parts, metadata within limits.</summary>
internal static class MessageValidation
{
    /// <summary>Checks the messages a thread starts with or a run adds (<c>additional_messages</c>).</summary>
    public static void InitializationMessages(IList<ThreadInitializationMessage>? messages, string name)
    {
        if (messages is null)
        {
            return;
        }

        for (int i = 0; i < messages.Count; i++)
        {
            string item = $"{name}[{i}]";
            ThreadInitializationMessage message = messages[i] ?? throw new ArgumentException($"The {item} is null.", name);
            Parts(message.Content, item + ".Content");
            Options(message, item);
        }
    }

    /// <summary>Checks the optional parts of a new message: its metadata (attachments are left to the server).</summary>
    public static void Options(MessageCreationOptions? options, string name)
        => Argument.Metadata(options?.Metadata, name + ".Metadata");

    /// <summary>Checks the content parts of a message: at least one, none null.</summary>
    public static void Parts(ICollection<MessageContentPart>? parts, string name)
    {
        if (parts is null)
        {
            throw new ArgumentNullException(name);
        }

        if (parts.Count == 0)
        {
            throw new ArgumentException($"The {name} must hold at least one part.", name);
        }

        foreach (MessageContentPart part in parts)
        {
            if (part is null)
            {
                throw new ArgumentException($"The {name} holds a null part.", name);
            }
        }
    }
}
