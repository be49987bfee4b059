using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace Assistants.Server.Storage;

/// <summary>A vector store file batch and the ids of the files it added.</summary>
internal sealed class BatchRecord(string id, JsonObject json, IReadOnlyList<string> fileIds)
{
    public string Id { get; } = id;

    public JsonObject Json { get; } = json;

    public IReadOnlyList<string> FileIds { get; } = fileIds;
}
