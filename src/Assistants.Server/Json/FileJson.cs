using System.Text.Json.Nodes;

namespace Assistants.Server.Json;

/// <summary>The <c>file</c> object as the service answers it, for uploads and for files the code interpreter wrote.</summary>
internal static class FileJson
{
    public static JsonObject Create(string id, string purpose, string fileName, long bytes, long createdAt) => new()
    {
        ["object"] = "file",
        ["id"] = id,
        ["purpose"] = purpose,
        ["filename"] = fileName,
        ["bytes"] = bytes,
        ["created_at"] = createdAt,
        ["expires_at"] = null,
        ["status"] = "processed",
        ["status_details"] = null,
    };
}
