using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Client.Internal;
using Assistants.Client.Serialization;

namespace Assistants.Client;

/// <content>File batches (<c>/vector_stores/{id}/file_batches</c>).</content>
public partial class VectorStoresClient
{
    /// <summary>Adds several stored files to a vector store as one batch; the server then processes them (see <see cref="WaitForFileBatchAsync"/>).</summary>
    /// <param name="vectorStoreId">The vector store id.</param>
    /// <param name="fileIds">The ids of stored files (at least one).</param>
    /// <param name="options">The chunking strategy and attributes applied to every file.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The batch, usually still <see cref="VectorStoreFileBatchStatus.InProgress"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="vectorStoreId"/> is null or empty, or <paramref name="fileIds"/> is null, empty, holds an empty id or more than 2000 ids, or a static chunking strategy breaks the protocol's limits.</exception>
    /// <exception cref="AssistantsApiException">The server refused the request.</exception>
    public virtual Task<VectorStoreFileBatch> CreateFileBatchAsync(string vectorStoreId, IEnumerable<string> fileIds, VectorStoreFileCreationOptions? options = null, CancellationToken cancellationToken = default)
    {
        Argument.Id(vectorStoreId, nameof(vectorStoreId));
        Argument.NotNull(fileIds, nameof(fileIds));
        List<string> ids = new(fileIds);
        if (ids.Count == 0)
        {
            throw new ArgumentException("At least one file id is required.", nameof(fileIds));
        }

        foreach (string id in ids)
        {
            if (string.IsNullOrEmpty(id))
            {
                throw new ArgumentException("The file ids must not be null or empty.", nameof(fileIds));
            }
        }

        Argument.MaxCount(ids, ProtocolLimits.FileBatchMaxFiles, nameof(fileIds));
        VectorStoreValidation.File(options, nameof(options));

        HttpContent content = RequestBody.Create(options, AssistantsJsonContext.Default.VectorStoreFileCreationOptions, w =>
        {
            w.WriteStartArray("file_ids");
            foreach (string id in ids)
            {
                w.WriteStringValue(id);
            }

            w.WriteEndArray();
        });
        return _pipeline.CallAsync(ApiOperations.CreateVectorStoreFileBatch, StorePath(vectorStoreId) + "/file_batches", content, AssistantsJsonContext.Default.VectorStoreFileBatch, cancellationToken);
    }

    /// <summary>
    /// Adds several stored files to a vector store as one batch, each with its own chunking strategy and attributes
    /// (the request's <c>files</c> form, which the spec makes exclusive with <c>file_ids</c>).
    /// </summary>
    /// <param name="vectorStoreId">The vector store id.</param>
    /// <param name="files">The files with their settings (at least one).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The batch, usually still <see cref="VectorStoreFileBatchStatus.InProgress"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="vectorStoreId"/> is null or empty, or <paramref name="files"/> is null, empty, holds a null entry, an empty file id, more than 2000 files or a static chunking strategy outside the protocol's limits.</exception>
    /// <exception cref="AssistantsApiException">The server refused the request.</exception>
    public virtual Task<VectorStoreFileBatch> CreateFileBatchAsync(string vectorStoreId, IEnumerable<VectorStoreBatchFile> files, CancellationToken cancellationToken = default)
    {
        Argument.Id(vectorStoreId, nameof(vectorStoreId));
        Argument.NotNull(files, nameof(files));
        List<VectorStoreBatchFile> entries = new(files);
        if (entries.Count == 0 || entries.Exists(f => f is null || string.IsNullOrEmpty(f.FileId)))
        {
            throw new ArgumentException("At least one file is required, and every file needs a file id.", nameof(files));
        }

        VectorStoreValidation.Batch(entries, nameof(files));

        HttpContent content = RequestBody.Create<VectorStoreFileCreationOptions>(null, AssistantsJsonContext.Default.VectorStoreFileCreationOptions, w =>
        {
            w.WriteStartArray("files");
            foreach (VectorStoreBatchFile entry in entries)
            {
                System.Text.Json.JsonSerializer.Serialize(w, entry, AssistantsJsonContext.Default.VectorStoreBatchFile);
            }

            w.WriteEndArray();
        });
        return _pipeline.CallAsync(ApiOperations.CreateVectorStoreFileBatch, StorePath(vectorStoreId) + "/file_batches", content, AssistantsJsonContext.Default.VectorStoreFileBatch, cancellationToken);
    }

    /// <summary>Retrieves a file batch.</summary>
    /// <param name="vectorStoreId">The vector store id.</param>
    /// <param name="batchId">The batch id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The batch.</returns>
    /// <exception cref="ArgumentException"><paramref name="vectorStoreId"/> or <paramref name="batchId"/> is null or empty.</exception>
    /// <exception cref="ResourceNotFoundException">No such batch.</exception>
    public virtual Task<VectorStoreFileBatch> GetFileBatchAsync(string vectorStoreId, string batchId, CancellationToken cancellationToken = default)
    {
        Argument.Id(vectorStoreId, nameof(vectorStoreId));
        Argument.Id(batchId, nameof(batchId));
        return _pipeline.CallAsync(ApiOperations.GetVectorStoreFileBatch, BatchPath(vectorStoreId, batchId), null, AssistantsJsonContext.Default.VectorStoreFileBatch, cancellationToken);
    }

    /// <summary>Cancels a file batch: files not yet processed are not processed.</summary>
    /// <param name="vectorStoreId">The vector store id.</param>
    /// <param name="batchId">The batch id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The batch, <c>cancelling</c> or already final.</returns>
    /// <exception cref="ArgumentException"><paramref name="vectorStoreId"/> or <paramref name="batchId"/> is null or empty.</exception>
    /// <exception cref="ResourceNotFoundException">No such batch.</exception>
    public virtual Task<VectorStoreFileBatch> CancelFileBatchAsync(string vectorStoreId, string batchId, CancellationToken cancellationToken = default)
    {
        Argument.Id(vectorStoreId, nameof(vectorStoreId));
        Argument.Id(batchId, nameof(batchId));
        return _pipeline.CallAsync(ApiOperations.CancelVectorStoreFileBatch, BatchPath(vectorStoreId, batchId) + "/cancel", null, AssistantsJsonContext.Default.VectorStoreFileBatch, cancellationToken);
    }

    /// <summary>Lists the files of a batch, page by page as the caller enumerates. These often lack usage, chunking strategy and attributes.</summary>
    /// <param name="vectorStoreId">The vector store id.</param>
    /// <param name="batchId">The batch id.</param>
    /// <param name="options">The status filter, page size, order and cursors.</param>
    /// <param name="cancellationToken">Cancels every page request.</param>
    /// <returns>The files, as items or as pages.</returns>
    /// <exception cref="ArgumentException"><paramref name="vectorStoreId"/> or <paramref name="batchId"/> is null or empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The limit is outside 1 to 100.</exception>
    public virtual AsyncPageable<VectorStoreFile> ListFileBatchFilesAsync(string vectorStoreId, string batchId, VectorStoreFileCollectionOptions? options = null, CancellationToken cancellationToken = default)
    {
        Argument.Id(vectorStoreId, nameof(vectorStoreId));
        Argument.Id(batchId, nameof(batchId));
        return ListFiles(ApiOperations.ListFilesInVectorStoreBatch, BatchPath(vectorStoreId, batchId) + "/files", options, cancellationToken);
    }

    private static string BatchPath(string vectorStoreId, string batchId) => StorePath(vectorStoreId) + "/file_batches/" + PathSegment.Escape(batchId);
}
