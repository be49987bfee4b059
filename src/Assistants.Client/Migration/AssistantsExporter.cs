using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Client.Internal;
using Assistants.Client.Migration;

namespace Assistants.Client;

/// <summary>
/// Exports threads (with their messages, runs and run steps), assistants, the vector stores they name and the files
/// they refer to into a folder of JSON Lines plus the file bytes, as the server returned them (unknown fields kept),
/// to take them to another server with <see cref="AssistantsImporter"/>. Resumable: run it again on the same folder
/// after an interruption and it finishes the rest. The folder's layout is in docs/migration.md.
/// </summary>
public sealed partial class AssistantsExporter
{
    private readonly AssistantsApiClient _client;
    private readonly RawApi _api;

    /// <summary>Initializes an exporter that reads from the server of <paramref name="client"/>.</summary>
    /// <param name="client">The client of the server to export from.</param>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is null.</exception>
    public AssistantsExporter(AssistantsApiClient client)
    {
        Argument.NotNull(client, nameof(client));
        _client = client;
        _api = new RawApi(client.Pipeline);
    }

    /// <summary>Exports into <paramref name="folder"/>, skipping what an earlier run on the same folder completed.</summary>
    /// <param name="folder">The export folder; created when missing.</param>
    /// <param name="options">The threads to export, and where progress goes.</param>
    /// <param name="cancellationToken">Cancels the export; running it again resumes.</param>
    /// <returns>What the folder holds.</returns>
    /// <exception cref="ArgumentException"><paramref name="folder"/> is null or empty.</exception>
    /// <exception cref="OperationNotSupportedException"><see cref="ExportOptions.AllThreads"/> is set and the server cannot list threads.</exception>
    /// <exception cref="AssistantsApiException">The server failed a request the export cannot do without (a refused file or a missing thread is listed in <c>not-exported.jsonl</c> instead).</exception>
    public async Task<ExportResult> ExportAsync(string folder, ExportOptions? options = null, CancellationToken cancellationToken = default)
    {
        Argument.NotNullOrEmpty(folder, nameof(folder));
        options ??= new ExportOptions();
        ExportCheckpoint checkpoint = ExportCheckpoint.Open(folder);
        int skipped = 0;
        using (ExportWriter writer = new(folder, checkpoint.Lengths))
        {
            ExportRun run = new(this, folder, options, checkpoint, writer);
            foreach (string threadId in await ThreadIdsAsync(options, cancellationToken).ConfigureAwait(false))
            {
                skipped += await run.UnitAsync("thread", threadId, ct => ExportThreadAsync(run, threadId, ct), cancellationToken).ConfigureAwait(false);
            }

            if (options.AllAssistants)
            {
                await foreach (JsonObject assistant in _api.ListAsync(ApiOperations.ListAssistants, "assistants", cancellationToken).ConfigureAwait(false))
                {
                    string id = MigrationJson.Id(assistant) ?? "";
                    skipped += await run.UnitAsync("assistant", id, _ => run.WriteUnit(MigrationFiles.Assistants, assistant), cancellationToken).ConfigureAwait(false);
                }
            }

            skipped += await ExportReferencedAsync(run, MigrationReferences.Assistant, "assistant", ExportAssistantAsync, cancellationToken).ConfigureAwait(false);
            skipped += await ExportReferencedAsync(run, MigrationReferences.VectorStore, "vector_store", ExportVectorStoreAsync, cancellationToken).ConfigureAwait(false);
            skipped += await ExportReferencedAsync(run, MigrationReferences.File, "file", ExportFileAsync, cancellationToken).ConfigureAwait(false);
        }

        return Summarize(folder, skipped);
    }

    private async Task<List<string>> ThreadIdsAsync(ExportOptions options, CancellationToken cancellationToken)
    {
        List<string> ids = [.. options.ThreadIds];
        if (options.ThreadIdsFile is { } file)
        {
            ids.AddRange(File.ReadAllLines(file).Select(line => line.Trim()).Where(line => line.Length > 0 && line[0] != '#'));
        }

        if (options.AllThreads)
        {
            await foreach (JsonObject thread in _api.ListAsync(ApiOperations.ListThreads, "threads", cancellationToken).ConfigureAwait(false))
            {
                ids.Add(MigrationJson.Id(thread) ?? "");
            }
        }

        return [.. ids.Where(id => id.Length > 0).Distinct(StringComparer.Ordinal)];
    }

    private async Task ExportThreadAsync(ExportRun run, string threadId, CancellationToken cancellationToken)
    {
        string path = "threads/" + PathSegment.Escape(threadId);
        JsonObject? thread = await run.GetOrNotExportedAsync("thread", threadId, ApiOperations.GetThread, path, cancellationToken).ConfigureAwait(false);
        if (thread is null)
        {
            return;
        }

        run.Write(MigrationFiles.Threads, thread);
        await foreach (JsonObject message in _api.ListAsync(ApiOperations.ListMessages, path + "/messages", cancellationToken).ConfigureAwait(false))
        {
            run.Write(MigrationFiles.Messages, message);
        }

        List<string> runIds = [];
        await foreach (JsonObject threadRun in _api.ListAsync(ApiOperations.ListRuns, path + "/runs", cancellationToken).ConfigureAwait(false))
        {
            run.Write(MigrationFiles.Runs, threadRun);
            runIds.Add(MigrationJson.Id(threadRun) ?? "");
        }

        foreach (string runId in runIds)
        {
            string stepsPath = path + "/runs/" + PathSegment.Escape(runId) + "/steps";
            await foreach (JsonObject step in _api.ListAsync(ApiOperations.ListRunSteps, stepsPath, cancellationToken).ConfigureAwait(false))
            {
                run.Write(MigrationFiles.RunSteps, step);
            }
        }
    }

    /// <summary>Exports every unit of a kind that the units before it refer to.</summary>
    private static async Task<int> ExportReferencedAsync(ExportRun run, string prefix, string kind, Func<ExportRun, string, CancellationToken, Task> export, CancellationToken cancellationToken)
    {
        int skipped = 0;
        for (int i = 0; i < run.Checkpoint.References.Count; i++)
        {
            string reference = run.Checkpoint.References[i];
            if (reference.StartsWith(prefix, StringComparison.Ordinal))
            {
                string id = reference.Substring(prefix.Length);
                skipped += await run.UnitAsync(kind, id, ct => export(run, id, ct), cancellationToken).ConfigureAwait(false);
            }
        }

        return skipped;
    }

    private static ExportResult Summarize(string folder, int skipped)
    {
        Dictionary<string, long> objects = new(StringComparer.Ordinal);
        foreach (string name in MigrationFiles.DataFiles)
        {
            string path = Path.Combine(folder, name);
            objects[name] = File.Exists(path) ? File.ReadLines(path).LongCount(line => line.Length > 0) : 0;
        }

        long bytes = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Sum(file => new FileInfo(file).Length);
        int notExported = (int)objects[MigrationFiles.NotExported];
        objects.Remove(MigrationFiles.NotExported);
        return new ExportResult(objects, bytes, skipped, notExported);
    }
}
