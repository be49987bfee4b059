using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Assistants.Client.Serialization;

/// <summary>
/// Reads a <see cref="ThreadMessage"/> by hand (listed pages, message calls): the fields one by one, content parts
/// through <see cref="MessageContentConverter"/> directly, <c>"attachments":[]</c> and <c>"metadata":{}</c> as shared
/// empty instances, unknown properties kept. See <see cref="HandReadConverter{T}"/> for when it gives up.
/// </summary>
internal sealed class ThreadMessageConverter : HandReadConverter<ThreadMessage>
{
    private static readonly MessageContentConverter s_content = new();
    private static readonly MessageStatusConverter s_status = new();
    private static readonly MessageRoleConverter s_role = new();

    // The ids every message of a page repeats, per thread (see ModelReader.TryRepeatedString).
    [ThreadStatic]
    private static string? s_objectName;
    [ThreadStatic]
    private static string? s_threadId;
    [ThreadStatic]
    private static string? s_assistantId;
    [ThreadStatic]
    private static string? s_runId;

    protected override JsonTypeInfo<ThreadMessage> Fallback => FallbackJson.ThreadMessage;

    protected override ThreadMessage? TryRead(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        string? id = null, objectName = null, threadId = null, assistantId = null, runId = null;
        DateTimeOffset? createdAt = null, completedAt = null, incompleteAt = null;
        MessageStatus? status = null;
        MessageRole? role = null;
        MessageIncompleteDetails? incompleteDetails = null;
        IReadOnlyList<MessageContent>? content = null;
        IReadOnlyList<MessageAttachment>? attachments = null;
        IReadOnlyDictionary<string, string>? metadata = null;
        Dictionary<string, JsonElement>? extra = null;
        ulong seen = 0;

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            int field = Field(ref reader);
            string? name = field < 0 ? reader.GetString() : null;
            if (!reader.Read() || (field >= 0 && !ModelReader.FirstTime(ref seen, field)))
            {
                return null;
            }

            bool ok = field switch
            {
                0 => ModelReader.TryString(ref reader, out id),
                1 => ModelReader.TryRepeatedString(ref reader, ref s_objectName, out objectName),
                2 => ModelReader.TryTimestamp(ref reader, out createdAt),
                3 => ModelReader.TryRepeatedString(ref reader, ref s_threadId, out threadId),
                4 => ModelReader.TryEnum(ref reader, s_status, options, out status),
                5 => ModelReader.TryNested(ref reader, options, out incompleteDetails),
                6 => ModelReader.TryTimestamp(ref reader, out completedAt),
                7 => ModelReader.TryTimestamp(ref reader, out incompleteAt),
                8 => ModelReader.TryEnum(ref reader, s_role, options, out role),
                9 => TryContent(ref reader, options, out content),
                10 => ModelReader.TryRepeatedString(ref reader, ref s_assistantId, out assistantId),
                11 => ModelReader.TryRepeatedString(ref reader, ref s_runId, out runId),
                12 => TryAttachments(ref reader, options, out attachments),
                13 => ModelReader.TryMetadata(ref reader, out metadata),
                _ => ModelReader.TryAddExtra(ref reader, name!, ref extra),
            };
            if (!ok)
            {
                return null;
            }
        }

        return new ThreadMessage
        {
            WireId = id,
            Object = objectName,
            CreatedAt = createdAt,
            ThreadId = threadId,
            Status = status,
            IncompleteDetails = incompleteDetails,
            CompletedAt = completedAt,
            IncompleteAt = incompleteAt,
            Role = role,
            Content = content,
            AssistantId = assistantId,
            RunId = runId,
            Attachments = attachments,
            Metadata = metadata,
            AdditionalProperties = extra,
        };
    }

    private static int Field(ref Utf8JsonReader reader)
        => reader.ValueTextEquals("id"u8) ? 0
        : reader.ValueTextEquals("object"u8) ? 1
        : reader.ValueTextEquals("created_at"u8) ? 2
        : reader.ValueTextEquals("thread_id"u8) ? 3
        : reader.ValueTextEquals("status"u8) ? 4
        : reader.ValueTextEquals("incomplete_details"u8) ? 5
        : reader.ValueTextEquals("completed_at"u8) ? 6
        : reader.ValueTextEquals("incomplete_at"u8) ? 7
        : reader.ValueTextEquals("role"u8) ? 8
        : reader.ValueTextEquals("content"u8) ? 9
        : reader.ValueTextEquals("assistant_id"u8) ? 10
        : reader.ValueTextEquals("run_id"u8) ? 11
        : reader.ValueTextEquals("attachments"u8) ? 12
        : reader.ValueTextEquals("metadata"u8) ? 13
        : -1;

    private static bool TryContent(ref Utf8JsonReader reader, JsonSerializerOptions options, out IReadOnlyList<MessageContent>? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        List<MessageContent> parts = new();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            parts.Add(reader.TokenType == JsonTokenType.Null ? null! : s_content.Read(ref reader, typeof(MessageContent), options)!);
        }

        value = parts;
        return true;
    }

    private static bool TryAttachments(ref Utf8JsonReader reader, JsonSerializerOptions options, out IReadOnlyList<MessageAttachment>? value)
    {
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            Utf8JsonReader probe = reader;
            if (probe.Read() && probe.TokenType == JsonTokenType.EndArray)
            {
                reader = probe;
                value = Array.Empty<MessageAttachment>();
                return true;
            }
        }

        return ModelReader.TryNested(ref reader, options, out value);
    }
}
