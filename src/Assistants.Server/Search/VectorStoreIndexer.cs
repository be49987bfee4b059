using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Server.Storage;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Assistants.Server.Search;

/// <summary>
/// The background worker that indexes vector store files: one file at a time, in the order they were added. A file
/// is read and chunked outside any gate; its chunks, its status and the counts of its store and batches are written
/// under the store's gate, after checking the file is still waiting (it may have been removed or its batch
/// cancelled meanwhile). Files still <c>in_progress</c> in the store when the server starts are queued again.
/// </summary>
internal sealed partial class VectorStoreIndexer(ServerState state, WorkTracker work, IEmbeddingGenerator<string, Embedding<float>>? embeddings, ILogger logger) : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Queue<(string StoreId, string FileId)> _queue = new();
    private readonly CancellationTokenSource _stopping = new();
    private bool _pumping;
    private TaskCompletionSource _fileDone = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Gets or sets a task every file waits for before it is indexed (tests hold indexing with it).</summary>
    internal Task? HeldUntil { get; set; }

    /// <summary>Gets a task that completes when the worker next finishes with a file, or stops (runs wait on it for their thread's files).</summary>
    public Task NextFileDone
    {
        get
        {
            lock (_lock)
            {
                return _fileDone.Task;
            }
        }
    }

    public void Enqueue(string storeId, string fileId)
    {
        lock (_lock)
        {
            _queue.Enqueue((storeId, fileId));
            if (!_pumping && !_stopping.IsCancellationRequested)
            {
                _pumping = true;
                work.Run(PumpAsync);
            }
        }
    }

    /// <summary>Queues the files a stop left <c>in_progress</c>, oldest store first.</summary>
    public void ResumePending()
    {
        foreach (StoredDoc store in state.Docs.List(DocKinds.VectorStore, DocKinds.Root))
        {
            foreach (StoredDoc file in state.Docs.List(DocKinds.VectorStoreFile, store.Id))
            {
                if ((string?)file.Json["status"] == "in_progress")
                {
                    Enqueue(store.Id, file.Id);
                }
            }
        }
    }

    /// <summary>Stops taking files; the one being indexed is abandoned and stays <c>in_progress</c> for the next start.</summary>
    public void Stop() => _stopping.Cancel();

    /// <summary>Releases the stop signal (after <see cref="Stop"/> and once background work is done).</summary>
    public void Dispose() => _stopping.Dispose();

    private async Task PumpAsync()
    {
        while (true)
        {
            (string StoreId, string FileId) next;
            lock (_lock)
            {
                if (_stopping.IsCancellationRequested || !_queue.TryDequeue(out next))
                {
                    _pumping = false;
                    SignalFileDone();
                    return;
                }
            }

            try
            {
                await IndexAsync(next.StoreId, next.FileId, _stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                lock (_lock)
                {
                    _pumping = false;
                    SignalFileDone();
                }

                return;
            }

            lock (_lock)
            {
                SignalFileDone();
            }
        }
    }

    /// <summary>Completes <see cref="NextFileDone"/> and starts the next one (call under <c>_lock</c>).</summary>
    private void SignalFileDone()
    {
        TaskCompletionSource done = _fileDone;
        _fileDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.TrySetResult();
    }

    private async Task IndexAsync(string storeId, string fileId, CancellationToken cancellationToken)
    {
        if (HeldUntil is Task hold)
        {
            await hold.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        StoredDoc? waiting = state.Docs.Find(DocKinds.VectorStoreFile, storeId, fileId);
        if (waiting is null || (string?)waiting.Json["status"] != "in_progress")
        {
            return;
        }

        Indexed result;
        try
        {
            result = await ReadAsync(storeId, fileId, ChunkingStrategy.FromStored(waiting.Json["chunking_strategy"]), cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A file that cannot be indexed fails with last_error; the worker goes on.
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            LogIndexingFailed(logger, exception, fileId, storeId);
            result = new Indexed([], 0, "server_error", "The server had an error while indexing this file.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        using (state.Gates.Enter(storeId))
        {
            StoredDoc? store = state.Docs.Find(DocKinds.VectorStore, DocKinds.Root, storeId);
            StoredDoc? file = state.Docs.Find(DocKinds.VectorStoreFile, storeId, fileId);
            if (store is null || file is null || (string?)file.Json["status"] != "in_progress")
            {
                return;
            }

            DeleteChunks(state.Docs, storeId, fileId);
            file.Json["status"] = result.ErrorCode is null ? "completed" : "failed";
            file.Json["usage_bytes"] = result.UsageBytes;
            file.Json["last_error"] = result.ErrorCode is null ? null : new JsonObject { ["code"] = result.ErrorCode, ["message"] = result.ErrorMessage };
            List<StoredDoc> files = [.. state.Docs.List(DocKinds.VectorStoreFile, storeId).Where(doc => doc.Id != fileId), file];
            List<StoredDoc> batches = VectorStoreCounts.Recount(state.Docs, store, files);
            store.Json["last_active_at"] = state.Now();
            state.Docs.Save([.. result.Chunks, file, .. batches, store]);
        }
    }

    /// <summary>Removes a file's chunks from a store (call under the store's gate).</summary>
    public static void DeleteChunks(IServerStore docs, string storeId, string fileId)
    {
        foreach (StoredDoc chunk in docs.List(DocKinds.Chunk, storeId))
        {
            if ((string?)chunk.Json["file_id"] == fileId)
            {
                docs.Delete(DocKinds.Chunk, storeId, chunk.Id);
            }
        }
    }

    private async Task<Indexed> ReadAsync(string storeId, string fileId, ChunkingStrategy strategy, CancellationToken cancellationToken)
    {
        StoredDoc? file = state.Docs.Find(DocKinds.File, DocKinds.Root, fileId);
        Stream? content = file is null ? null : state.Docs.OpenContent(fileId);
        if (file is null || content is null)
        {
            content?.Dispose();
            return new Indexed([], 0, "invalid_file", $"The file {fileId} no longer exists.");
        }

        string fileName = (string?)file.Json["filename"] ?? "";
        ExtractedText extracted;
        using (content)
        {
            extracted = TextExtractor.Extract(fileName, content, (long?)file.Json["bytes"] ?? 0);
        }

        if (extracted.Text is null)
        {
            return new Indexed([], 0, extracted.ErrorCode, extracted.ErrorMessage);
        }

        List<TextChunk> chunks = TextChunker.Split(extracted.Text, strategy.MaxChunkSizeTokens, strategy.ChunkOverlapTokens);
        IReadOnlyList<Embedding<float>>? vectors = null;
        if (embeddings is not null && chunks.Count > 0)
        {
            vectors = await embeddings.GenerateAsync(chunks.Select(chunk => chunk.Text), cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        List<StoredDoc> docs = [];
        long usage = 0;
        for (int i = 0; i < chunks.Count; i++)
        {
            var json = new JsonObject
            {
                ["file_id"] = fileId,
                ["filename"] = fileName,
                ["index"] = i,
                ["tokens"] = chunks[i].Tokens,
                ["text"] = chunks[i].Text,
                ["terms"] = string.Join(' ', KeywordTerms.Of(chunks[i].Text)),
            };
            if (vectors is not null && i < vectors.Count)
            {
                json["embedding"] = new JsonArray([.. vectors[i].Vector.ToArray().Select(value => (JsonNode)value)]);
            }

            usage += System.Text.Encoding.UTF8.GetByteCount(chunks[i].Text);
            docs.Add(new StoredDoc(DocKinds.Chunk, storeId, $"{fileId}#{i:D6}", json));
        }

        return new Indexed(docs, usage, null, null);
    }

    [LoggerMessage(EventId = 20, EventName = "IndexingFailed", Level = LogLevel.Error, Message = "Indexing file {FileId} of vector store {StoreId} failed.")]
    private static partial void LogIndexingFailed(ILogger logger, Exception exception, string fileId, string storeId);

    private sealed record Indexed(List<StoredDoc> Chunks, long UsageBytes, string? ErrorCode, string? ErrorMessage);
}
