using System;
using System.Text.Json;

namespace Assistants.Client.Internal;

/// <summary>
/// A hand-written reader for the hot event, a <c>thread.message.delta</c> that appends one text fragment:
/// <c>{"id","object","delta":{"content":[{"index","type":"text","text":{"value","annotations":[]}}]}}</c>.
/// It keeps only the message id (reused from the previous event when equal), the part index and the fragment,
/// so an event costs the update object and the fragment string. Any other shape returns <c>null</c> and the
/// caller falls back to the source-generated serializer, so no field is ever lost.
/// </summary>
internal static class MessageDeltaFastReader
{
    public static MessageDeltaUpdate? TryRead(ReadOnlySpan<byte> json, ref string? lastId)
    {
        Utf8JsonReader reader = new(json);
        string? id = null;
        string? text = null;
        int index = -1;
        bool emptyAnnotations = false;
        bool sawDelta = false;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                if (!FastDeltaTokens.TryReadId(ref reader, lastId, out id))
                {
                    return null;
                }
            }
            else if (reader.ValueTextEquals("object"u8))
            {
                if (!FastDeltaTokens.TryReadConstant(ref reader, "thread.message.delta"u8))
                {
                    return null;
                }
            }
            else if (reader.ValueTextEquals("delta"u8))
            {
                if (sawDelta || !ReadDelta(ref reader, ref index, ref text, ref emptyAnnotations))
                {
                    return null;
                }

                sawDelta = true;
            }
            else
            {
                return null;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || text is null || reader.Read())
        {
            return null;
        }

        lastId = id;
        return new MessageDeltaUpdate(id, index, text, emptyAnnotations);
    }

    // "delta": {"content": [ one text part ]}
    private static bool ReadDelta(ref Utf8JsonReader reader, ref int index, ref string? text, ref bool emptyAnnotations)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals("content"u8))
        {
            return false;
        }

        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray || !reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        if (!ReadTextPart(ref reader, ref index, ref text, ref emptyAnnotations))
        {
            return false;
        }

        // Exactly one part, and nothing after "content" in the delta.
        return reader.Read() && reader.TokenType == JsonTokenType.EndArray
            && reader.Read() && reader.TokenType == JsonTokenType.EndObject;
    }

    private static bool ReadTextPart(ref Utf8JsonReader reader, ref int index, ref string? text, ref bool emptyAnnotations)
    {
        bool isText = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("index"u8))
            {
                if (!FastDeltaTokens.TryReadIndex(ref reader, out index))
                {
                    return false;
                }
            }
            else if (reader.ValueTextEquals("type"u8))
            {
                if (!FastDeltaTokens.TryReadConstant(ref reader, "text"u8))
                {
                    return false;
                }

                isText = true;
            }
            else if (reader.ValueTextEquals("text"u8))
            {
                if (!ReadText(ref reader, ref text, ref emptyAnnotations))
                {
                    return false;
                }
            }
            else
            {
                return false;
            }
        }

        return isText && index >= 0 && text is not null && reader.TokenType == JsonTokenType.EndObject;
    }

    // "text": {"value": "...", "annotations": []} with annotations absent or empty.
    private static bool ReadText(ref Utf8JsonReader reader, ref string? text, ref bool emptyAnnotations)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("value"u8))
            {
                if (!FastDeltaTokens.TryReadString(ref reader, allowNull: false, out text))
                {
                    return false;
                }
            }
            else if (reader.ValueTextEquals("annotations"u8))
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray || !reader.Read() || reader.TokenType != JsonTokenType.EndArray)
                {
                    return false;
                }

                emptyAnnotations = true;
            }
            else
            {
                return false;
            }
        }

        return reader.TokenType == JsonTokenType.EndObject;
    }
}
