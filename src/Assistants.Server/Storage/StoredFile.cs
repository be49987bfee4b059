using System.Text.Json.Nodes;

namespace Assistants.Server.Storage;

/// <summary>An uploaded file: its wire object and its bytes.</summary>
internal sealed class StoredFile(string id, JsonObject json, byte[] content)
{
    public string Id { get; } = id;

    public JsonObject Json { get; } = json;

    public byte[] Content { get; } = content;
}
