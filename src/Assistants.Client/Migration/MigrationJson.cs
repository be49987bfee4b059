using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Assistants.Client.Migration;

/// <summary>How a migration folder writes and reads JSON: compact UTF-8, one object a line, non-ASCII kept as is.</summary>
internal static class MigrationJson
{
    private static readonly JsonWriterOptions s_writerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] ToUtf8(JsonNode node)
    {
        using MemoryStream buffer = new();
        using (Utf8JsonWriter writer = new(buffer, s_writerOptions))
        {
            node.WriteTo(writer);
        }

        return buffer.ToArray();
    }

    /// <summary>Reads a JSON Lines file; a missing file reads as empty.</summary>
    public static IEnumerable<JsonObject> ReadLines(string path)
    {
        if (!File.Exists(path))
        {
            yield break;
        }

        using StreamReader reader = new(path, new UTF8Encoding(false));
        while (reader.ReadLine() is string line)
        {
            if (line.Length > 0 && JsonNode.Parse(line) is JsonObject json)
            {
                yield return json;
            }
        }
    }

    public static string? Id(JsonObject json) => json["id"] is JsonValue value && value.TryGetValue(out string? id) ? id : null;

    public static string? String(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
