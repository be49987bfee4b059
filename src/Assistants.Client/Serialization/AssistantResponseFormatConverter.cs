using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assistants.Client.Serialization;

internal sealed class AssistantResponseFormatConverter : JsonConverter<AssistantResponseFormat>
{
    public override AssistantResponseFormat? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                string value = reader.GetString()!;
                return value == "auto" ? AssistantResponseFormat.Auto : new AssistantResponseFormat(value, isBareString: true, null, null);
            case JsonTokenType.StartObject:
                JsonElement raw = JsonElement.ParseValue(ref reader);
                string type = JsonDiscriminator.TypeOf(raw);
                ResponseFormatJsonSchema? schema = raw.TryGetProperty("json_schema", out JsonElement s) && s.ValueKind == JsonValueKind.Object
                    ? s.Deserialize(AssistantsJsonContext.Default.ResponseFormatJsonSchema)
                    : null;
                return new AssistantResponseFormat(type, isBareString: false, schema, raw);
            default:
                throw new JsonException($"Expected a string or an object for response_format, found {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, AssistantResponseFormat value, JsonSerializerOptions options)
    {
        if (value.Raw is { } raw)
        {
            raw.WriteTo(writer);
        }
        else if (value.IsBareString)
        {
            writer.WriteStringValue(value.Type);
        }
        else
        {
            writer.WriteStartObject();
            writer.WriteString("type", value.Type);
            if (value.JsonSchema is { } schema)
            {
                writer.WritePropertyName("json_schema");
                JsonSerializer.Serialize(writer, schema, AssistantsJsonContext.Default.ResponseFormatJsonSchema);
            }

            writer.WriteEndObject();
        }
    }
}
