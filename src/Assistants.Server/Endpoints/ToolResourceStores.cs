using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Assistants.Server.Errors;
using Assistants.Server.Json;

namespace Assistants.Server.Endpoints;

/// <summary>
/// The vector stores that tool resources and attachments make, as the service does: the
/// <c>tool_resources.file_search.vector_stores</c> helper on assistant and thread create becomes new vector stores
/// answered as <c>vector_store_ids</c>, and message attachments for <c>file_search</c> join the thread's vector store
/// (made for the thread when it has none).
/// </summary>
internal sealed class ToolResourceStores(VectorStoreEndpoints stores, VectorStoreFileEndpoints files)
{
    /// <summary>Tool resources as stored: every <c>vector_stores</c> helper created and replaced by its id.</summary>
    public JsonObject Resolve(JsonObject resources)
    {
        var copy = (JsonObject)resources.DeepClone();
        if (copy["file_search"] is not JsonObject fileSearch || fileSearch["vector_stores"] is not JsonNode helpers)
        {
            return copy;
        }

        JsonArray list = helpers as JsonArray ?? throw ApiErrors.InvalidType("tool_resources.file_search.vector_stores", "an array", JsonNodes.Describe(helpers));
        var ids = (JsonArray?)(fileSearch["vector_store_ids"] as JsonArray)?.DeepClone() ?? [];
        for (int i = 0; i < list.Count; i++)
        {
            string param = $"tool_resources.file_search.vector_stores[{i}]";
            JsonObject helper = list[i] as JsonObject ?? throw ApiErrors.InvalidType(param, "an object", JsonNodes.Describe(list[i]));
            ids.Add((JsonNode)(string)stores.Create(helper, param + ".")["id"]!);
        }

        copy["file_search"] = new JsonObject { ["vector_store_ids"] = ids };
        return copy;
    }

    /// <summary>
    /// Adds the <c>file_search</c> attachments of <paramref name="messages"/> to the thread's vector store, making one
    /// when the thread has none (then <paramref name="thread"/>'s tool resources name it and the caller saves it).
    /// </summary>
    /// <returns>Whether <paramref name="thread"/> changed.</returns>
    public bool AttachFiles(JsonObject thread, IEnumerable<JsonObject> messages)
    {
        string[] fileIds = [.. messages
            .SelectMany(message => (message["attachments"] as JsonArray ?? []).OfType<JsonObject>())
            .Where(attachment => (attachment["tools"] as JsonArray ?? []).Any(tool => (string?)tool?["type"] == "file_search"))
            .Select(attachment => (string?)attachment["file_id"])
            .OfType<string>()
            .Distinct()];
        if (fileIds.Length == 0)
        {
            return false;
        }

        JsonObject resources = thread["tool_resources"] as JsonObject ?? [];
        if ((resources["file_search"]?["vector_store_ids"] as JsonArray)?.FirstOrDefault() is JsonValue existing && existing.TryGetValue(out string? storeId))
        {
            files.AddFiles(storeId, fileIds);
            return false;
        }

        JsonObject store = stores.Create(new JsonObject { ["file_ids"] = new JsonArray([.. fileIds.Select(id => (JsonNode)id)]) });
        resources = (JsonObject)resources.DeepClone();
        resources["file_search"] = new JsonObject { ["vector_store_ids"] = new JsonArray((JsonNode)(string)store["id"]!) };
        thread["tool_resources"] = resources;
        return true;
    }
}
