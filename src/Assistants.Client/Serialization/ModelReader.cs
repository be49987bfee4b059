using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Assistants.Client.Serialization;

/// <summary>
/// The value readers the hand-read models share (<see cref="HandReadConverter{T}"/>). Each is called with the reader on
/// the value and returns <c>false</c> when the value is not what the serializer would accept without an error or a
/// conversion of its own, so the caller gives up and the serializer decides.
/// </summary>
internal static class ModelReader
{
    // DateTimeOffset.FromUnixTimeSeconds accepts exactly this range; outside it the serializer's converter throws.
    private const long MinUnixSeconds = -62_135_596_800;
    private const long MaxUnixSeconds = 253_402_300_799;

    /// <summary>Gets the one empty metadata dictionary every model with <c>"metadata":{}</c> shares (read-only, as the property's type says).</summary>
    public static IReadOnlyDictionary<string, string> EmptyMetadata { get; } = new ReadOnlyDictionary<string, string>(new Dictionary<string, string>());

    /// <summary>Marks <paramref name="field"/> as seen; <c>false</c> when it was seen before (a repeated property goes to the serializer).</summary>
    public static bool FirstTime(ref ulong seen, int field)
    {
        ulong bit = 1UL << field;
        if ((seen & bit) != 0)
        {
            return false;
        }

        seen |= bit;
        return true;
    }

    public static bool TryString(ref Utf8JsonReader reader, out string? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.String)
        {
            value = reader.GetString();
            return true;
        }

        return reader.TokenType == JsonTokenType.Null;
    }

    /// <summary>
    /// Like <see cref="TryString"/>, but returns <paramref name="last"/> itself when the value is the same text: the
    /// thread, assistant and run ids repeat on every message of a page, and strings are immutable, so one instance
    /// serves them all.
    /// </summary>
    public static bool TryRepeatedString(ref Utf8JsonReader reader, ref string? last, out string? value)
    {
        if (reader.TokenType == JsonTokenType.String && last is not null && reader.ValueTextEquals(last))
        {
            value = last;
            return true;
        }

        if (!TryString(ref reader, out value))
        {
            return false;
        }

        last = value ?? last;
        return true;
    }

    public static bool TryTimestamp(ref Utf8JsonReader reader, out DateTimeOffset? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out long seconds) || seconds < MinUnixSeconds || seconds > MaxUnixSeconds)
        {
            return false;
        }

        value = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return true;
    }

    public static bool TryInt32(ref Utf8JsonReader reader, out int? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out int number))
        {
            return false;
        }

        value = number;
        return true;
    }

    public static bool TryDouble(ref Utf8JsonReader reader, out double? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out double number))
        {
            return false;
        }

        value = number;
        return true;
    }

    public static bool TryBoolean(ref Utf8JsonReader reader, out bool? value)
    {
        value = reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => null,
        };
        return value is not null || reader.TokenType == JsonTokenType.Null;
    }

    /// <summary>Reads an extensible enum through its own converter (known values allocate nothing); JSON <c>null</c> is <c>null</c>.</summary>
    public static bool TryEnum<TEnum>(ref Utf8JsonReader reader, ExtensibleEnumConverter<TEnum> converter, JsonSerializerOptions options, out TEnum? value)
        where TEnum : struct
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        value = converter.Read(ref reader, typeof(TEnum), options);
        return true;
    }

    /// <summary>Reads string-to-string metadata; <c>{}</c> is the shared <see cref="EmptyMetadata"/>.</summary>
    public static bool TryMetadata(ref Utf8JsonReader reader, out IReadOnlyDictionary<string, string>? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        Dictionary<string, string>? entries = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string key = reader.GetString()!;
            if (!reader.Read() || reader.TokenType != JsonTokenType.String)
            {
                return false;
            }

            entries ??= new Dictionary<string, string>();
            if (entries.ContainsKey(key))
            {
                return false;
            }

            entries[key] = reader.GetString()!;
        }

        value = entries ?? EmptyMetadata;
        return reader.TokenType == JsonTokenType.EndObject;
    }

    /// <summary>Reads a nested value through the serializer (the same metadata the source-generated path uses for it).</summary>
    public static bool TryNested<TValue>(ref Utf8JsonReader reader, JsonSerializerOptions options, out TValue? value)
    {
        value = JsonSerializer.Deserialize(ref reader, (JsonTypeInfo<TValue>)options.GetTypeInfo(typeof(TValue)));
        return true;
    }

    /// <summary>Keeps a property the model does not know, as <see cref="JsonModel.AdditionalProperties"/> does; <c>false</c> for a repeated name.</summary>
    public static bool TryAddExtra(ref Utf8JsonReader reader, string name, ref Dictionary<string, JsonElement>? extra)
    {
        extra ??= new Dictionary<string, JsonElement>();
        if (extra.ContainsKey(name))
        {
            return false;
        }

        extra[name] = JsonElement.ParseValue(ref reader);
        return true;
    }
}
