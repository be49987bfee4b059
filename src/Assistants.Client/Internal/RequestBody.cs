using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Assistants.Client.Internal;

/// <summary>
/// Builds JSON request bodies whose required inputs are method parameters (a model, an assistant id)
/// and whose optional parts come from an options object, without mutating the caller's options.
/// </summary>
internal static class RequestBody
{
    /// <summary>Writes <paramref name="leading"/> properties first, then every property of <paramref name="options"/>.</summary>
    public static JsonBody Create<T>(T? options, JsonTypeInfo<T> typeInfo, Action<Utf8JsonWriter>? leading = null)
        where T : class
    {
        using MemoryStream stream = new();
        using (Utf8JsonWriter writer = new(stream))
        {
            writer.WriteStartObject();
            leading?.Invoke(writer);
            if (options is not null)
            {
                using JsonDocument document = JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(options, typeInfo));
                foreach (JsonProperty property in document.RootElement.EnumerateObject())
                {
                    property.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        return new JsonBody(stream.ToArray());
    }
}
