using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Assistants.Client.Serialization;

/// <summary>
/// Reads a message's content parts. The common part, <c>{"type":"text","text":{"value":"...","annotations":[]}}</c>
/// (in any order, nothing else), is read by hand: a nested serializer call per part costs a reader stack and an
/// argument buffer, the bulk of a listed message's bytes. Anything else goes through the serializer.
/// </summary>
internal sealed class MessageContentConverter : DiscriminatedUnionConverter<MessageContent>
{
    public override MessageContent? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            Utf8JsonReader probe = reader;
            if (TryReadPlainText(ref probe) is { } text)
            {
                reader = probe;
                return text;
            }
        }

        return base.Read(ref reader, typeToConvert, options);
    }

    protected override Type? GetKnownType(ref Utf8JsonReader discriminator)
        => discriminator.ValueTextEquals("text"u8) ? typeof(MessageTextContent)
        : discriminator.ValueTextEquals("image_file"u8) ? typeof(MessageImageFileContent)
        : discriminator.ValueTextEquals("image_url"u8) ? typeof(MessageImageUrlContent)
        : discriminator.ValueTextEquals("refusal"u8) ? typeof(MessageRefusalContent)
        : null;

    protected override MessageContent CreateUnknown(JsonElement raw) => new UnknownMessageContent(raw);

    protected override JsonElement? GetRaw(MessageContent value) => (value as UnknownMessageContent)?.Raw;

    /// <summary>The same model the serializer builds for a plain text part, or <c>null</c> when the part is anything else.</summary>
    private static MessageTextContent? TryReadPlainText(ref Utf8JsonReader reader)
    {
        bool isText = false;
        MessageText? text = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.String || !reader.ValueTextEquals("text"u8))
                {
                    return null;
                }

                isText = true;
            }
            else if (text is null && reader.ValueTextEquals("text"u8))
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject || (text = TryReadText(ref reader)) is null)
                {
                    return null;
                }
            }
            else
            {
                return null;
            }
        }

        return isText && text is not null && reader.TokenType == JsonTokenType.EndObject ? new MessageTextContent { Text = text } : null;
    }

    private static MessageText? TryReadText(ref Utf8JsonReader reader)
    {
        string? value = null;
        bool hasValue = false;
        List<TextAnnotation>? annotations = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!hasValue && reader.ValueTextEquals("value"u8))
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.String)
                {
                    return null;
                }

                value = reader.GetString();
                hasValue = true;
            }
            else if (annotations is null && reader.ValueTextEquals("annotations"u8))
            {
                // Only an empty list: annotations are polymorphic and go through the serializer.
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray || !reader.Read() || reader.TokenType != JsonTokenType.EndArray)
                {
                    return null;
                }

                annotations = new List<TextAnnotation>();
            }
            else
            {
                return null;
            }
        }

        return reader.TokenType == JsonTokenType.EndObject ? new MessageText { Value = value, Annotations = annotations } : null;
    }
}
