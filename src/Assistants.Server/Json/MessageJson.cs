using System.Text.Json.Nodes;
using Assistants.Server.Errors;

namespace Assistants.Server.Json;

/// <summary>Message objects: stored with their status fields, which only streamed events show.</summary>
internal static class MessageJson
{
    private static readonly string[] s_streamOnlyFields = ["status", "incomplete_details", "incomplete_at", "completed_at"];

    public static JsonObject Create(string id, long createdAt, string threadId, string role, JsonArray content,
        string? assistantId = null, string? runId = null, JsonArray? attachments = null, JsonObject? metadata = null, string status = "completed") => new()
    {
        ["id"] = id,
        ["object"] = "thread.message",
        ["created_at"] = createdAt,
        ["assistant_id"] = assistantId,
        ["thread_id"] = threadId,
        ["run_id"] = runId,
        ["status"] = status,
        ["incomplete_details"] = null,
        ["incomplete_at"] = null,
        ["completed_at"] = status == "completed" ? createdAt : null,
        ["role"] = role,
        ["content"] = content,
        ["attachments"] = attachments ?? [],
        ["metadata"] = metadata ?? [],
    };

    /// <summary>The shape create, retrieve and list return: no status fields.</summary>
    public static JsonObject ForApi(JsonObject stored)
    {
        var copy = (JsonObject)stored.DeepClone();
        foreach (string field in s_streamOnlyFields)
        {
            copy.Remove(field);
        }

        return copy;
    }

    /// <summary>Modify answers in the old v1 shape: <c>file_ids</c> instead of <c>attachments</c>.</summary>
    public static JsonObject ForModify(JsonObject stored)
    {
        JsonObject copy = ForApi(stored);
        JsonNode? metadata = copy["metadata"]?.DeepClone();
        copy.Remove("attachments");
        copy.Remove("metadata");
        copy["file_ids"] = new JsonArray();
        copy["metadata"] = metadata;
        return copy;
    }

    public static JsonObject TextPart(string value, bool withAnnotations = true)
    {
        var text = new JsonObject { ["value"] = value };
        if (withAnnotations)
        {
            text["annotations"] = new JsonArray();
        }

        return new JsonObject { ["type"] = "text", ["text"] = text };
    }

    /// <summary>Turns request content (a string or an array of parts) into stored content parts.</summary>
    public static JsonArray ParseContent(JsonNode? content)
    {
        if (content is null)
        {
            throw ApiErrors.MissingParameter("content");
        }

        if (content is JsonValue value && value.TryGetValue(out string? text))
        {
            return new JsonArray(TextPart(text));
        }

        if (content is not JsonArray parts)
        {
            throw ApiErrors.InvalidType("content", "a string or an array", JsonNodes.Describe(content));
        }

        JsonArray result = [];
        for (int i = 0; i < parts.Count; i++)
        {
            JsonObject part = parts[i] as JsonObject ?? throw ApiErrors.InvalidType($"content[{i}]", "an object", JsonNodes.Describe(parts[i]));
            string type = JsonNodes.RequireString(part, "type");
            result.Add((JsonNode)(type switch
            {
                "text" => TextPart(JsonNodes.RequireString(part, "text")),
                "image_file" or "image_url" => new JsonObject { ["type"] = type, [type] = part[type]?.DeepClone() },
                _ => throw ApiErrors.BadRequest(
                    $"Invalid value: '{type}'. Supported values are: 'text', 'image_file' and 'image_url'.", $"content[{i}].type", "invalid_value"),
            }));
        }

        return result;
    }
}
