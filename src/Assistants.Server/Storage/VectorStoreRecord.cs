using System.Text.Json.Nodes;

namespace Assistants.Server.Storage;

/// <summary>A vector store with its files and file batches (plain storage: files are never chunked or searched).</summary>
internal sealed class VectorStoreRecord(string id, JsonObject json)
{
    public string Id { get; } = id;

    public JsonObject Json { get; } = json;

    public ResourceList<JsonObject> Files { get; } = new();

    public ResourceList<BatchRecord> Batches { get; } = new();
}
