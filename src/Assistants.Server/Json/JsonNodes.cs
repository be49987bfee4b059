using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Assistants.Server.Errors;

namespace Assistants.Server.Json;

/// <summary>Small helpers over <see cref="JsonNode"/>, which is how this server holds every wire object.</summary>
internal static class JsonNodes
{
    public static readonly JsonSerializerOptions WriteOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A number written as the service writes it (<c>1.0</c>, not <c>1</c>).</summary>
    public static JsonNode One() => JsonNode.Parse("1.0")!;

    public static string Serialize(JsonNode? node) => node?.ToJsonString(WriteOptions) ?? "null";

    /// <summary>A buffer grown past this is dropped after use rather than kept by its thread.</summary>
    private const int KeptBufferBytes = 256 * 1024;

    private static readonly JsonWriterOptions s_writerOptions = new() { Encoder = WriteOptions.Encoder };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>The node as UTF-8 JSON, written as <see cref="Serialize"/> writes it.</summary>
    public static byte[] ToUtf8(JsonNode node) => Write(null, node);

    /// <summary>One server-sent event (<c>event:</c> line, <c>data:</c> line, blank line) as UTF-8, the data written as <see cref="Serialize"/> writes it.</summary>
    public static byte[] Frame(string eventName, JsonNode data) => Write(eventName, data);

    /// <summary>
    /// Two events with the same data, one after the other (a <c>created</c> event and the status event that follows it
    /// unchanged), in one buffer: the data is written once and copied into the second frame.
    /// </summary>
    public static byte[] Frames(string firstEvent, string secondEvent, JsonNode data) => Write(firstEvent, data, secondEvent);

    /// <summary>One event, or two with the same data, framed around data already written as UTF-8 JSON.</summary>
    public static byte[] Frames(string firstEvent, string? secondEvent, ReadOnlySpan<byte> json)
    {
        ArrayBufferWriter<byte> buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        WriteFrame(buffer, firstEvent, json);
        if (secondEvent is not null)
        {
            WriteFrame(buffer, secondEvent, json);
        }

        return Take(buffer);
    }

    private static void WriteFrame(ArrayBufferWriter<byte> buffer, string eventName, ReadOnlySpan<byte> json)
    {
        buffer.Write("event: "u8);
        Encoding.UTF8.GetBytes(eventName, buffer);
        buffer.Write("\ndata: "u8);
        buffer.Write(json);
        buffer.Write("\n\n"u8);
    }

    /// <summary>
    /// The <c>thread.message.delta</c> event of one text chunk without annotations, written straight to UTF-8: the
    /// same bytes as <see cref="Frame"/> of the equivalent object, without building it.
    /// </summary>
    public static byte[] TextDeltaFrame(string messageId, string chunk, bool withAnnotations)
    {
        ArrayBufferWriter<byte> buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        buffer.Write("event: thread.message.delta\ndata: "u8);
        Utf8JsonWriter writer = t_writer ??= new Utf8JsonWriter(buffer, s_writerOptions);
        writer.Reset(buffer);
        writer.WriteStartObject();
        writer.WriteString("id"u8, messageId);
        writer.WriteString("object"u8, "thread.message.delta"u8);
        writer.WriteStartObject("delta"u8);
        writer.WriteStartArray("content"u8);
        writer.WriteStartObject();
        writer.WriteNumber("index"u8, 0);
        writer.WriteString("type"u8, "text"u8);
        writer.WriteStartObject("text"u8);
        writer.WriteString("value"u8, chunk);
        if (withAnnotations)
        {
            writer.WriteStartArray("annotations"u8);
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.Flush();
        buffer.Write("\n\n"u8);
        return Take(buffer);
    }

    // Writes through a buffer and writer reused by the thread: the only allocation is the array returned.
    private static byte[] Write(string? eventName, JsonNode node, string? secondEvent = null)
    {
        ArrayBufferWriter<byte> buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        if (eventName is not null)
        {
            buffer.Write("event: "u8);
            Encoding.UTF8.GetBytes(eventName, buffer);
            buffer.Write("\ndata: "u8);
        }

        int dataStart = buffer.WrittenCount;
        Utf8JsonWriter writer = t_writer ??= new Utf8JsonWriter(buffer, s_writerOptions);
        writer.Reset(buffer);
        node.WriteTo(writer);
        writer.Flush();
        if (eventName is not null)
        {
            buffer.Write("\n\n"u8);
        }

        if (secondEvent is not null)
        {
            int dataLength = buffer.WrittenCount - dataStart;
            buffer.Write("event: "u8);
            Encoding.UTF8.GetBytes(secondEvent, buffer);
            buffer.Write("\ndata: "u8);
            Span<byte> target = buffer.GetSpan(dataLength);
            buffer.WrittenSpan.Slice(dataStart, dataLength).CopyTo(target);
            buffer.Advance(dataLength);
        }

        return Take(buffer);
    }

    private static byte[] Take(ArrayBufferWriter<byte> buffer)
    {
        byte[] bytes = buffer.WrittenSpan.ToArray();
        if (buffer.Capacity > KeptBufferBytes)
        {
            t_buffer = null;
            t_writer = null;
        }

        return bytes;
    }

    public static JsonNode? Clone(JsonNode? node) => node?.DeepClone();

    public static string? GetString(JsonObject body, string name)
    {
        if (!body.TryGetPropertyValue(name, out JsonNode? node) || node is null)
        {
            return null;
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            throw ApiErrors.InvalidType(name, "a string", Describe(node));
        }

        return node.GetValue<string>();
    }

    public static string RequireString(JsonObject body, string name) =>
        GetString(body, name) ?? throw ApiErrors.MissingParameter(name);

    public static long? GetInt(JsonObject body, string name)
    {
        if (!body.TryGetPropertyValue(name, out JsonNode? node) || node is null)
        {
            return null;
        }

        if (node.GetValueKind() != JsonValueKind.Number)
        {
            throw ApiErrors.InvalidType(name, "an integer", Describe(node));
        }

        return node.GetValue<long>();
    }

    public static bool GetBool(JsonObject body, string name) =>
        body.TryGetPropertyValue(name, out JsonNode? node) && node is not null && node.GetValueKind() == JsonValueKind.True;

    public static JsonArray? GetArray(JsonObject body, string name)
    {
        if (!body.TryGetPropertyValue(name, out JsonNode? node) || node is null)
        {
            return null;
        }

        return node as JsonArray ?? throw ApiErrors.InvalidType(name, "an array", Describe(node));
    }

    public static JsonObject? GetObject(JsonObject body, string name)
    {
        if (!body.TryGetPropertyValue(name, out JsonNode? node) || node is null)
        {
            return null;
        }

        return node as JsonObject ?? throw ApiErrors.InvalidType(name, "an object", Describe(node));
    }

    /// <summary>Validates <c>metadata</c> as the service does: an object of string values.</summary>
    public static JsonObject Metadata(JsonObject body, JsonObject? current = null)
    {
        JsonObject? metadata = GetObject(body, "metadata");
        if (metadata is null)
        {
            return current ?? [];
        }

        foreach (KeyValuePair<string, JsonNode?> pair in metadata)
        {
            if (pair.Value is null || pair.Value.GetValueKind() != JsonValueKind.String)
            {
                throw ApiErrors.InvalidType($"metadata.{pair.Key}", "a string", Describe(pair.Value));
            }
        }

        return (JsonObject)metadata.DeepClone();
    }

    public static string Describe(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        _ => "an object",
    };
}
