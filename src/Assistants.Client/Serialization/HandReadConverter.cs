using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Assistants.Client.Serialization;

/// <summary>
/// A model read by hand with a <see cref="Utf8JsonReader"/> on the common path. The models are <c>init</c>-only, so
/// the source generator reads them through its parameterized-constructor path, which buffers every property in an
/// argument state (about 4.4 KB for one run object); reading them by hand builds the same object with the same
/// initializer. Anything unusual (a JSON type the model does not expect, a repeated property) makes the hand reader
/// give up, and the source-generated path (<see cref="FallbackJson"/>) reads the value instead, so it fails or
/// succeeds exactly as before. Writing always goes through the source-generated path.
/// </summary>
/// <typeparam name="T">The model.</typeparam>
internal abstract class HandReadConverter<T> : JsonConverter<T>
    where T : JsonModel
{
    /// <summary>Gets the source-generated metadata of <typeparamref name="T"/> without this converter.</summary>
    protected abstract JsonTypeInfo<T> Fallback { get; }

    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => ReadByHand(ref reader, options) ?? JsonSerializer.Deserialize(ref reader, Fallback);

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        => JsonSerializer.Serialize(writer, value, Fallback);

    /// <summary>The hand reader alone: the model with the reader moved past it, or <c>null</c> with the reader where it was.</summary>
    internal T? ReadByHand(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        Utf8JsonReader probe = reader;
        T? value;
        try
        {
            value = TryRead(ref probe, options);
        }
        catch (JsonException)
        {
            // A nested value the serializer rejects: the generated path raises its own error, as before.
            return null;
        }

        if (value is null || probe.TokenType != JsonTokenType.EndObject)
        {
            return null;
        }

        reader = probe;
        return value;
    }

    /// <summary>Reads the object the reader is on (its <c>{</c>), leaving the reader on its <c>}</c>; <c>null</c> to give up.</summary>
    protected abstract T? TryRead(ref Utf8JsonReader reader, JsonSerializerOptions options);
}
