using System;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Client.Internal;

namespace Assistants.Client;

/// <content>Waiting for vector store files and file batches to be processed.</content>
public partial class VectorStoresClient
{
    /// <summary>Polls a file of a vector store until it is no longer <c>in_progress</c>.</summary>
    /// <param name="vectorStoreId">The vector store id.</param>
    /// <param name="fileId">The file id.</param>
    /// <param name="options">The interval, maximum wait and clock.</param>
    /// <param name="cancellationToken">Stops waiting (the processing goes on on the server).</param>
    /// <returns>The file in its final status: completed, failed (see <see cref="VectorStoreFile.LastError"/>), cancelled, or a status the library does not know.</returns>
    /// <exception cref="ArgumentException"><paramref name="vectorStoreId"/> or <paramref name="fileId"/> is null or empty.</exception>
    /// <exception cref="TimeoutException">The file was still in progress after <see cref="VectorStorePollingOptions.MaximumWait"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public virtual Task<VectorStoreFile> WaitForFileAsync(string vectorStoreId, string fileId, VectorStorePollingOptions? options = null, CancellationToken cancellationToken = default)
    {
        Argument.Id(vectorStoreId, nameof(vectorStoreId));
        Argument.Id(fileId, nameof(fileId));
        return VectorStorePoller.WaitAsync(
            ct => GetFileAsync(vectorStoreId, fileId, ct),
            f => f.Status?.IsTerminal == true,
            f => $"Vector store file {f.Id} ({f.Status})",
            options,
            cancellationToken);
    }

    /// <summary>Polls a file batch until it is no longer <c>in_progress</c>.</summary>
    /// <param name="vectorStoreId">The vector store id.</param>
    /// <param name="batchId">The batch id.</param>
    /// <param name="options">The interval, maximum wait and clock.</param>
    /// <param name="cancellationToken">Stops waiting (the processing goes on on the server).</param>
    /// <returns>The batch in its final status; check <see cref="VectorStoreFileBatch.FileCounts"/> for files that failed.</returns>
    /// <exception cref="ArgumentException"><paramref name="vectorStoreId"/> or <paramref name="batchId"/> is null or empty.</exception>
    /// <exception cref="TimeoutException">The batch was still in progress after <see cref="VectorStorePollingOptions.MaximumWait"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public virtual Task<VectorStoreFileBatch> WaitForFileBatchAsync(string vectorStoreId, string batchId, VectorStorePollingOptions? options = null, CancellationToken cancellationToken = default)
    {
        Argument.Id(vectorStoreId, nameof(vectorStoreId));
        Argument.Id(batchId, nameof(batchId));
        return VectorStorePoller.WaitAsync(
            ct => GetFileBatchAsync(vectorStoreId, batchId, ct),
            b => b.Status?.IsTerminal == true,
            b => $"Vector store file batch {b.Id} ({b.Status})",
            options,
            cancellationToken);
    }
}
