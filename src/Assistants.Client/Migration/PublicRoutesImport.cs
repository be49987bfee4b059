using System.Collections.Generic;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Client.Internal;

namespace Assistants.Client.Migration;

/// <summary>
/// An import into any server through the protocol's public routes: files, vector stores, assistants, threads and
/// messages are created anew and every reference is rewritten to the new ids; what the protocol cannot create is
/// counted in the result's losses (docs/migration.md).
/// </summary>
internal sealed partial class PublicRoutesImport(AssistantsApiClient client, RawApi api, string folder)
{
    private static readonly string[] s_assistantFields = ["model", "name", "description", "instructions", "tools", "tool_resources", "metadata", "temperature", "top_p", "response_format", "reasoning_effort"];

    private readonly Dictionary<string, string> _map = [];
    private readonly Dictionary<string, long> _imported = [];
    private readonly List<JsonObject> _mapLines = [];
    private long _annotations;
    private long _droppedParts;
    private long _droppedAttachments;
    private long _messageLinks;

    public async Task<ImportResult> RunAsync(string idMapPath, CancellationToken cancellationToken)
    {
        foreach (JsonObject file in MigrationJson.ReadLines(Path.Combine(folder, MigrationFiles.Files)))
        {
            await ImportFileAsync(file, cancellationToken).ConfigureAwait(false);
        }

        await ImportVectorStoresAsync(cancellationToken).ConfigureAwait(false);
        foreach (JsonObject assistant in MigrationJson.ReadLines(Path.Combine(folder, MigrationFiles.Assistants)))
        {
            JsonObject body = [];
            foreach (string field in s_assistantFields)
            {
                if (assistant[field] is JsonNode value)
                {
                    body[field] = field == "tool_resources" ? ToolResources(value) : value.DeepClone();
                }
            }

            await CreateAsync("assistant", assistant, ApiOperations.CreateAssistant, "assistants", body, cancellationToken).ConfigureAwait(false);
        }

        foreach (JsonObject thread in MigrationJson.ReadLines(Path.Combine(folder, MigrationFiles.Threads)))
        {
            JsonObject body = new() { ["metadata"] = thread["metadata"]?.DeepClone(), ["tool_resources"] = ToolResources(thread["tool_resources"]) };
            await CreateAsync("thread", thread, ApiOperations.CreateThread, "threads", body, cancellationToken).ConfigureAwait(false);
        }

        foreach (JsonObject message in MigrationJson.ReadLines(Path.Combine(folder, MigrationFiles.Messages)))
        {
            await ImportMessageAsync(message, cancellationToken).ConfigureAwait(false);
        }

        WriteIdMap(idMapPath);
        return new ImportResult(_imported, _map, Losses(), idMapPath);
    }

    private async Task ImportFileAsync(JsonObject file, CancellationToken cancellationToken)
    {
        string id = MigrationJson.Id(file)!;
        using FileStream content = new(MigrationFiles.ContentPath(folder, id), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        string fileName = MigrationJson.String(file["filename"]) ?? id;
        FilePurpose purpose = new(MigrationJson.String(file["purpose"]) ?? "assistants");
        StoredFile created = await client.Files.UploadAsync(content, fileName, purpose, null, cancellationToken).ConfigureAwait(false);
        Record("file", id, created.Id);
    }

    private async Task ImportVectorStoresAsync(CancellationToken cancellationToken)
    {
        Dictionary<string, JsonArray> files = [];
        foreach (JsonObject file in MigrationJson.ReadLines(Path.Combine(folder, MigrationFiles.VectorStoreFiles)))
        {
            string store = MigrationJson.String(file["vector_store_id"]) ?? "";
            if (!files.TryGetValue(store, out JsonArray? ids))
            {
                files[store] = ids = [];
            }

            if (Mapped(MigrationJson.Id(file)) is string newId)
            {
                ids.Add((JsonNode)newId);
            }
        }

        foreach (JsonObject store in MigrationJson.ReadLines(Path.Combine(folder, MigrationFiles.VectorStores)))
        {
            string id = MigrationJson.Id(store)!;
            JsonObject body = new() { ["name"] = store["name"]?.DeepClone(), ["metadata"] = store["metadata"]?.DeepClone() };
            if (files.TryGetValue(id, out JsonArray? ids) && ids.Count > 0)
            {
                body["file_ids"] = ids;
            }

            if (store["expires_after"] is JsonObject expiresAfter)
            {
                body["expires_after"] = expiresAfter.DeepClone();
            }

            await CreateAsync("vector_store", store, ApiOperations.CreateVectorStore, "vector_stores", body, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CreateAsync(string kind, JsonObject exported, ApiOperation operation, string path, JsonObject body, CancellationToken cancellationToken)
    {
        JsonObject created = await api.PostAsync(operation, path, body, cancellationToken).ConfigureAwait(false);
        Record(kind, MigrationJson.Id(exported)!, MigrationJson.Id(created)!);
    }

    private void Record(string kind, string oldId, string newId)
    {
        _map[oldId] = newId;
        _imported[kind] = (_imported.TryGetValue(kind, out long count) ? count : 0) + 1;
        _mapLines.Add(new JsonObject { ["kind"] = kind, ["old"] = oldId, ["new"] = newId });
    }

    private string? Mapped(string? oldId) => oldId is not null && _map.TryGetValue(oldId, out string? newId) ? newId : null;

    private void WriteIdMap(string path)
    {
        using StreamWriter writer = new(path, append: false, new System.Text.UTF8Encoding(false));
        foreach (JsonObject line in _mapLines)
        {
            writer.Write(System.Text.Encoding.UTF8.GetString(MigrationJson.ToUtf8(line)));
            writer.Write('\n');
        }
    }
}
