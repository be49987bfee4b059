using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Client.Internal;

namespace Assistants.Client.Migration;

/// <summary>An import into <c>Assistants.Server</c> through <c>POST /_import</c>: batches of one kind, parents first; then each file's bytes.</summary>
internal sealed class ServerImport(RawApi api, string folder, int batchSize)
{
    private const long BatchBytes = 4L * 1024 * 1024;
    private readonly Dictionary<string, long> _imported = [];

    public async Task<ImportResult> RunAsync(CancellationToken cancellationToken)
    {
        foreach (string name in MigrationFiles.DataFiles)
        {
            if (name == MigrationFiles.NotExported)
            {
                continue;
            }

            string kind = MigrationFiles.KindOf(name);
            List<JsonObject> batch = [];
            long bytes = 0;
            foreach (JsonObject json in MigrationJson.ReadLines(Path.Combine(folder, name)))
            {
                batch.Add(json);
                bytes += MigrationJson.ToUtf8(json).Length;
                if (batch.Count >= batchSize || bytes >= BatchBytes)
                {
                    await SendAsync(kind, batch, cancellationToken).ConfigureAwait(false);
                    batch.Clear();
                    bytes = 0;
                }
            }

            await SendAsync(kind, batch, cancellationToken).ConfigureAwait(false);
        }

        return new ImportResult(_imported, new Dictionary<string, string>(), [], null);
    }

    private async Task SendAsync(string kind, List<JsonObject> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        JsonArray objects = [];
        foreach (JsonObject json in batch)
        {
            objects.Add((JsonNode)json.DeepClone());
        }

        await api.PostAsync(ApiOperations.ImportObjects, "_import", new JsonObject { ["kind"] = kind, ["objects"] = objects }, cancellationToken).ConfigureAwait(false);
        _imported[kind] = (_imported.TryGetValue(kind, out long count) ? count : 0) + batch.Count;
        if (kind == "file")
        {
            foreach (JsonObject file in batch)
            {
                await SendContentAsync(MigrationJson.Id(file)!, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task SendContentAsync(string fileId, CancellationToken cancellationToken)
    {
        using FileStream stream = new(MigrationFiles.ContentPath(folder, fileId), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        StreamContent content = new(stream, 81920);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Headers.ContentLength = stream.Length;
        await api.PostAsync(ApiOperations.ImportFileContent, "_import/files/" + PathSegment.Escape(fileId) + "/content", content, cancellationToken).ConfigureAwait(false);
    }
}
