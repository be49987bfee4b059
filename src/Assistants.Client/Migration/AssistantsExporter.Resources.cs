using System.IO;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Client.Internal;
using Assistants.Client.Migration;

namespace Assistants.Client;

public sealed partial class AssistantsExporter
{
    private static async Task ExportAssistantAsync(ExportRun run, string id, CancellationToken cancellationToken)
    {
        JsonObject? assistant = await run.GetOrNotExportedAsync("assistant", id, ApiOperations.GetAssistant, "assistants/" + PathSegment.Escape(id), cancellationToken).ConfigureAwait(false);
        if (assistant is not null)
        {
            run.Write(MigrationFiles.Assistants, assistant);
        }
    }

    private static async Task ExportVectorStoreAsync(ExportRun run, string id, CancellationToken cancellationToken)
    {
        string path = "vector_stores/" + PathSegment.Escape(id);
        JsonObject? store = await run.GetOrNotExportedAsync("vector_store", id, ApiOperations.GetVectorStore, path, cancellationToken).ConfigureAwait(false);
        if (store is null)
        {
            return;
        }

        run.Write(MigrationFiles.VectorStores, store);
        await foreach (JsonObject file in run.Api.ListAsync(ApiOperations.ListVectorStoreFiles, path + "/files", cancellationToken).ConfigureAwait(false))
        {
            run.Write(MigrationFiles.VectorStoreFiles, file);
            run.AddReference(MigrationReferences.File + MigrationJson.Id(file));
        }
    }

    /// <summary>
    /// A file's object and bytes (to <c>files/.partial</c>, renamed when complete). A file whose object or bytes the
    /// server refuses with a 4xx (OpenAI answers 400 for purpose <c>assistants</c>) is listed as not exported.
    /// </summary>
    private static async Task ExportFileAsync(ExportRun run, string id, CancellationToken cancellationToken)
    {
        JsonObject? file = await run.GetOrNotExportedAsync("file", id, ApiOperations.RetrieveFile, "files/" + PathSegment.Escape(id), cancellationToken).ConfigureAwait(false);
        if (file is null)
        {
            return;
        }

        string target = MigrationFiles.ContentPath(run.Folder, id);
        string partial = target + ".partial";
        try
        {
            using FileContentStream content = await run.Client.Files.DownloadAsync(id, cancellationToken).ConfigureAwait(false);
            using (FileStream stream = new(partial, FileMode.Create, FileAccess.Write))
            {
                await content.CopyToAsync(stream, 81920, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
                run.Writer.AddContentBytes(stream.Length);
            }
        }
        catch (AssistantsApiException error) when (error.StatusCode is { } status && (int)status is >= 400 and < 500 and not 429)
        {
            run.NotExported("file", id, error, file);
            return;
        }

        if (File.Exists(target))
        {
            File.Delete(target);
        }

        File.Move(partial, target);
        run.Write(MigrationFiles.Files, file);
    }
}
