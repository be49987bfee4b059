using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Assistants.Client.Serialization;

/// <summary>
/// Reads a polymorphic object by its <c>type</c> property without buffering it: a copy of the reader
/// finds the discriminator, then the real reader deserializes the known subtype in one pass. An
/// unknown discriminator becomes the caller's <c>Unknown...</c> subtype holding the raw JSON.
/// </summary>
internal abstract class DiscriminatedUnionConverter<TBase> : JsonConverter<TBase>
    where TBase : class
{
    private static readonly byte[] s_type = "type"u8.ToArray();

    /// <summary>The concrete type for a discriminator, or <c>null</c> when it is not known.</summary>
    protected abstract Type? GetKnownType(ref Utf8JsonReader discriminator);

    /// <summary>Wraps JSON whose discriminator is missing or unknown.</summary>
    protected abstract TBase CreateUnknown(JsonElement raw);

    /// <summary>The raw JSON of an unknown instance, written back verbatim.</summary>
    protected abstract JsonElement? GetRaw(TBase value);

    public override TBase? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected an object for {typeof(TBase).Name}, found {reader.TokenType}.");
        }

        Type? known = FindKnownType(reader);
        if (known is null)
        {
            return CreateUnknown(JsonElement.ParseValue(ref reader));
        }

        JsonTypeInfo info = options.GetTypeInfo(known);
        return (TBase)JsonSerializer.Deserialize(ref reader, info)!;
    }

    public override void Write(Utf8JsonWriter writer, TBase value, JsonSerializerOptions options)
    {
        if (GetRaw(value) is { } raw)
        {
            raw.WriteTo(writer);
            return;
        }

        JsonSerializer.Serialize(writer, value, options.GetTypeInfo(value.GetType()));
    }

    private Type? FindKnownType(Utf8JsonReader copy)
    {
        int depth = copy.CurrentDepth;
        while (copy.Read())
        {
            if (copy.TokenType == JsonTokenType.EndObject && copy.CurrentDepth == depth)
            {
                return null;
            }

            if (copy.TokenType == JsonTokenType.PropertyName && copy.CurrentDepth == depth + 1)
            {
                bool isType = copy.ValueTextEquals(s_type);
                copy.Read();
                if (isType)
                {
                    return copy.TokenType == JsonTokenType.String ? GetKnownType(ref copy) : null;
                }

                copy.Skip();
            }
        }

        return null;
    }
}
