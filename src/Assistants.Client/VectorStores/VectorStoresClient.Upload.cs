using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Client.Internal;

namespace Assistants.Client;

/// <content>Uploading files into a vector store in one call.</content>
public partial class VectorStoresClient
{
    /// <summary>
    /// Uploads files (purpose <c>assistants</c>), adds them to a vector store as one batch, and waits until the batch is
    /// processed: the counterpart of the Python SDK's <c>file_batches.upload_and_poll</c>.
    /// </summary>
    /// <param name="vectorStoreId">The vector store id.</param>
    /// <param name="files">The files to upload (at least one).</param>
    /// <param name="options">The per-file options of the batch, the upload concurrency and the polling.</param>
    /// <param name="cancellationToken">Cancels the uploads and the wait.</param>
    /// <returns>The batch in its final status.</returns>
    /// <remarks>
    /// If an upload fails, the files already uploaded stay stored (no batch is created) and the upload's exception is
    /// thrown; the ids of the stored files are then available through <see cref="FilesClient.ListAsync"/>.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="vectorStoreId"/> is null or empty, or <paramref name="files"/> is null, empty, holds null or more than 2000 files, or a static chunking strategy in the file options breaks the protocol's limits (checked before any upload).</exception>
    /// <exception cref="AssistantsApiException">An upload, the batch creation or a poll failed.</exception>
    /// <exception cref="TimeoutException">The batch was still in progress after the maximum wait.</exception>
    public virtual async Task<VectorStoreFileBatch> UploadFileBatchAndWaitAsync(string vectorStoreId, IEnumerable<FileUpload> files, FileBatchUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        Argument.Id(vectorStoreId, nameof(vectorStoreId));
        Argument.NotNull(files, nameof(files));
        List<FileUpload> uploads = new(files);
        if (uploads.Count == 0 || uploads.Contains(null!))
        {
            throw new ArgumentException("At least one file is required, and none may be null.", nameof(files));
        }

        // Checked before the first upload, so bad batch options never leave orphaned files behind.
        Argument.MaxCount(uploads, ProtocolLimits.FileBatchMaxFiles, nameof(files));
        VectorStoreValidation.File(options?.FileOptions, "options.FileOptions");

        using SemaphoreSlim gate = new(options?.MaxConcurrency ?? 5);
        using CancellationTokenSource failFast = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task<StoredFile>[] tasks = new Task<StoredFile>[uploads.Count];
        for (int i = 0; i < uploads.Count; i++)
        {
            tasks[i] = UploadOneAsync(uploads[i], gate, failFast);
        }

        StoredFile[] stored = await Task.WhenAll(tasks).ConfigureAwait(false);
        string[] ids = new string[stored.Length];
        for (int i = 0; i < stored.Length; i++)
        {
            ids[i] = stored[i].Id;
        }

        VectorStoreFileBatch batch = await CreateFileBatchAsync(vectorStoreId, ids, options?.FileOptions, cancellationToken).ConfigureAwait(false);
        if (batch.Status?.IsTerminal == true)
        {
            return batch;
        }

        return await WaitForFileBatchAsync(vectorStoreId, batch.Id, options?.Polling, cancellationToken).ConfigureAwait(false);
    }

    private async Task<StoredFile> UploadOneAsync(FileUpload upload, SemaphoreSlim gate, CancellationTokenSource failFast)
    {
        await gate.WaitAsync(failFast.Token).ConfigureAwait(false);
        try
        {
            FileUploadOptions? uploadOptions = upload.ContentType is null ? null : new FileUploadOptions { ContentType = upload.ContentType };
            return await _files.UploadAsync(upload.Content, upload.FileName, FilePurpose.Assistants, uploadOptions, failFast.Token).ConfigureAwait(false);
        }
        catch
        {
            // One failure stops the uploads not yet started; the exception surfaces through Task.WhenAll.
            failFast.Cancel();
            throw;
        }
        finally
        {
            gate.Release();
        }
    }
}
