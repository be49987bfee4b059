using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assistants.Client.Serialization;

/// <summary>
/// Writes request content as the protocol allows it: one plain text part as a bare string (as the official SDKs
/// send it), anything else as an array of parts. Reads either form.
/// </summary>
internal sealed class MessageContentPartListConverter : JsonConverter<IList<MessageContentPart>>
{
    public override IList<MessageContentPart>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return new List<MessageContentPart> { MessageContentPart.CreateText(reader.GetString()!) };
            default:
                return JsonSerializer.Deserialize(ref reader, AssistantsJsonContext.Default.ListMessageContentPart);
        }
    }

    public override void Write(Utf8JsonWriter writer, IList<MessageContentPart> value, JsonSerializerOptions options)
        => WriteContent(writer, value);

    /// <summary>Writes the content value of a message request body.</summary>
    public static void WriteContent(Utf8JsonWriter writer, IList<MessageContentPart> parts)
    {
        if (parts.Count == 1 && parts[0].IsPlainText)
        {
            writer.WriteStringValue(parts[0].Text);
            return;
        }

        writer.WriteStartArray();
        foreach (MessageContentPart part in parts)
        {
            JsonSerializer.Serialize(writer, part, AssistantsJsonContext.Default.MessageContentPart);
        }

        writer.WriteEndArray();
    }
}
