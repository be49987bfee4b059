using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assistants.Client.Serialization;

/// <summary>Unix seconds or <c>null</c> on the wire, <see cref="Nullable{DateTimeOffset}"/> in the model.</summary>
internal sealed class NullableUnixTimestampConverter : JsonConverter<DateTimeOffset?>
{
    public override bool HandleNull => true;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => reader.TokenType == JsonTokenType.Null ? null : DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64());

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is { } v)
        {
            writer.WriteNumberValue(v.ToUnixTimeSeconds());
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
