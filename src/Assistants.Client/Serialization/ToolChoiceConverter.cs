using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assistants.Client.Serialization;

internal sealed class ToolChoiceConverter : JsonConverter<ToolChoice>
{
    public override ToolChoice? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return reader.ValueTextEquals("auto"u8) ? ToolChoice.Auto
                    : reader.ValueTextEquals("none"u8) ? ToolChoice.None
                    : reader.ValueTextEquals("required"u8) ? ToolChoice.Required
                    : new ToolChoice(reader.GetString()!, isBareString: true, null, null);
            case JsonTokenType.StartObject:
                JsonElement raw = JsonElement.ParseValue(ref reader);
                string type = JsonDiscriminator.TypeOf(raw);
                string? name = raw.TryGetProperty("function", out JsonElement f) && f.ValueKind == JsonValueKind.Object
                    && f.TryGetProperty("name", out JsonElement n) && n.ValueKind == JsonValueKind.String
                    ? n.GetString()
                    : null;
                return new ToolChoice(type, isBareString: false, name, raw);
            default:
                throw new JsonException($"Expected a string or an object for tool_choice, found {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, ToolChoice value, JsonSerializerOptions options)
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
            if (value.FunctionName is { } name)
            {
                writer.WriteStartObject("function");
                writer.WriteString("name", name);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }
    }
}
