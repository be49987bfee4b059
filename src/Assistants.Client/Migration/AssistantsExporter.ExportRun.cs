using System;
using System.Collections.Generic;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Client.Internal;
using Assistants.Client.Migration;

namespace Assistants.Client;

public sealed partial class AssistantsExporter
{
    /// <summary>One export run: units in order, each written, flushed and checkpointed, or skipped when already done.</summary>
    private sealed class ExportRun(AssistantsExporter exporter, string folder, ExportOptions options, ExportCheckpoint checkpoint, ExportWriter writer)
    {
        private readonly HashSet<string> _doneThisRun = [];
        private readonly List<string> _references = [];

        public string Folder { get; } = folder;

        public ExportCheckpoint Checkpoint { get; } = checkpoint;

        public ExportWriter Writer { get; } = writer;

        public RawApi Api => exporter._api;

        public AssistantsApiClient Client => exporter._client;

        /// <returns>1 when the unit was complete from an earlier run and skipped, otherwise 0.</returns>
        public async Task<int> UnitAsync(string kind, string id, Func<CancellationToken, Task> export, CancellationToken cancellationToken)
        {
            string unit = kind + ":" + id;
            if (Checkpoint.IsDone(unit))
            {
                if (_doneThisRun.Contains(unit))
                {
                    return 0;
                }

                _doneThisRun.Add(unit);
                Report(kind, id, skipped: true);
                return 1;
            }

            _references.Clear();
            await export(cancellationToken).ConfigureAwait(false);
            Writer.Flush();
            Checkpoint.Complete(unit, [.. _references], Writer.Lengths);
            _doneThisRun.Add(unit);
            Report(kind, id, skipped: false);
            return 0;
        }

        public void Write(string fileName, JsonObject json)
        {
            Writer.Write(fileName, json);
            MigrationReferences.Collect(json, _references);
        }

        public Task WriteUnit(string fileName, JsonObject json)
        {
            Write(fileName, json);
            return Task.CompletedTask;
        }

        public void AddReference(string reference) => _references.Add(reference);

        /// <summary>Lists an object the export could not take, with the reason (in <c>not-exported.jsonl</c>).</summary>
        public void NotExported(string kind, string id, AssistantsApiException error, JsonObject? json = null)
        {
            JsonObject line = new()
            {
                ["kind"] = kind,
                ["id"] = id,
                ["status"] = error.Status,
                ["code"] = error.ErrorCode,
                ["reason"] = error.Error?.Message ?? error.Message,
                ["object"] = json,
            };
            Writer.Write(MigrationFiles.NotExported, line);
        }

        /// <summary>Gets an object, or lists it as not exported when the server answers 404 (a deleted thread or file).</summary>
        public async Task<JsonObject?> GetOrNotExportedAsync(string kind, string id, ApiOperation operation, string path, CancellationToken cancellationToken)
        {
            try
            {
                return await Api.GetAsync(operation, path, cancellationToken).ConfigureAwait(false);
            }
            catch (AssistantsApiException error) when (error.StatusCode == HttpStatusCode.NotFound)
            {
                NotExported(kind, id, error);
                return null;
            }
        }

        private void Report(string kind, string id, bool skipped) =>
            options.Progress?.Report(new ExportProgress(kind, id, skipped, _doneThisRun.Count, Writer.Objects, Writer.Bytes));
    }
}
