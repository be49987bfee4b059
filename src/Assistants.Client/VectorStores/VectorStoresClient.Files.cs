using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Client.Internal;
using Assistants.Client.Serialization;

namespace Assistants.Client;

/// <content>The files of a vector store (<c>/vector_stores/{id}/files</c>).</content>
public partial class VectorStoresClient
{
    /// <summary>Adds a stored file to a vector store; the server then processes it (see <see cref="WaitForFileAsync"/>).</summary>
    /// <param name="vectorStoreId">The vector store id.</param>
    /// <param name="fileId">The id of a stored file.</param>
    /// <param name="options">The chunking strategy and attributes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The vector store file, usually still <see cref="VectorStoreFileStatus.InProgress"/>.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="vectorStoreId"/> or <paramref name="fileId"/> is null or empty, or a static chunking strategy is outside the protocol's limits.</exception>
    /// <exception cref="ResourceNotFoundException">No vector store or file has this id.</exception>
    public virtual Task<VectorStoreFile> AddFileAsync(string vectorStoreId, string fileId, VectorStoreFileCreationOptions? options = null, CancellationToken cancellationToken = default)
    {
        Argument.Id(vectorStoreId, nameof(vectorStoreId));
        Argument.Id(fileId, nameof(fileId));
        VectorStoreValidation.File(options, nameof(options));
        HttpContent content = RequestBody.Create(options, AssistantsJsonContext.Default.VectorStoreFileCreationOptions, w => w.WriteString("file_id", fileId));
        return _pipeline.CallAsync(ApiOperations.CreateVectorStoreFile, StorePath(vectorStoreId) + "/files", content, AssistantsJsonContext.Default.VectorStoreFile, cancellationToken);
    }

    /// <summary>Retrieves a file of a vector store.</summary>
    /// <param name="vectorStoreId">The vector store id.</param>
    /// <param name="fileId">The file id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The vector store file.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="vectorStoreId"/> or <paramref name="fileId"/> is null or empty.</exception>
    /// <exception cref="ResourceNotFoundException">The file is not in the vector store.</exception>
    public virtual Task<VectorStoreFile> GetFileAsync(string vectorStoreId, string fileId, CancellationToken cancellationToken = default)
    {
        Argument.Id(vectorStoreId, nameof(vectorStoreId));
        Argument.Id(fileId, nameof(fileId));
        return _pipeline.CallAsync(ApiOperations.GetVectorStoreFile, FilePath(vectorStoreId, fileId), null, AssistantsJsonContext.Default.VectorStoreFile, cancellationToken);
    }

    /// <summary>Replaces the attributes of a file in a vector store.</summary>
    /// <param name="vectorStoreId">The vector store id.</param>
    /// <param name="fileId">The file id.</param>
    /// <param name="attributes">Up to 16 attributes (JSON strings, numbers or booleans); <c>null</c> clears them.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated vector store file.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="vectorStoreId"/> or <paramref name="fileId"/> is null or empty.</exception>
    /// <exception cref="ResourceNotFoundException">The file is not in the vector store.</exception>
    public virtual Task<VectorStoreFile> UpdateFileAttributesAsync(string vectorStoreId, string fileId, System.Collections.Generic.IDictionary<string, System.Text.Json.JsonElement>? attributes, CancellationToken cancellationToken = default)
    {
        Argument.Id(vectorStoreId, nameof(vectorStoreId));
        Argument.Id(fileId, nameof(fileId));
        HttpContent content = RequestBody.Create<VectorStoreFileCreationOptions>(null, AssistantsJsonContext.Default.VectorStoreFileCreationOptions, w =>
        {
            w.WritePropertyName("attributes");
            if (attributes is null)
            {
                w.WriteNullValue();
            }
            else
            {
                w.WriteStartObject();
                foreach (System.Collections.Generic.KeyValuePair<string, System.Text.Json.JsonElement> pair in attributes)
                {
                    w.WritePropertyName(pair.Key);
                    pair.Value.WriteTo(w);
                }

                w.WriteEndObject();
            }
        });
        return _pipeline.CallAsync(ApiOperations.UpdateVectorStoreFileAttributes, FilePath(vectorStoreId, fileId), content, AssistantsJsonContext.Default.VectorStoreFile, cancellationToken);
    }

    /// <summary>Removes a file from a vector store; the stored file itself remains (delete it with <see cref="FilesClient.DeleteAsync"/>).</summary>
    /// <param name="vectorStoreId">The vector store id.</param>
    /// <param name="fileId">The file id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The deletion result.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="vectorStoreId"/> or <paramref name="fileId"/> is null or empty.</exception>
    /// <exception cref="ResourceNotFoundException">The file is not in the vector store.</exception>
    public virtual Task<DeletionResult> RemoveFileAsync(string vectorStoreId, string fileId, CancellationToken cancellationToken = default)
    {
        Argument.Id(vectorStoreId, nameof(vectorStoreId));
        Argument.Id(fileId, nameof(fileId));
        return _pipeline.CallAsync(ApiOperations.DeleteVectorStoreFile, FilePath(vectorStoreId, fileId), null, AssistantsJsonContext.Default.DeletionResult, cancellationToken);
    }

    /// <summary>Lists the files of a vector store, page by page as the caller enumerates.</summary>
    /// <param name="vectorStoreId">The vector store id.</param>
    /// <param name="options">The status filter, page size, order and cursors.</param>
    /// <param name="cancellationToken">Cancels every page request.</param>
    /// <returns>The files, as items or as pages.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="vectorStoreId"/> is null or empty.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException">The limit is outside 1 to 100.</exception>
    public virtual AsyncPageable<VectorStoreFile> ListFilesAsync(string vectorStoreId, VectorStoreFileCollectionOptions? options = null, CancellationToken cancellationToken = default)
    {
        Argument.Id(vectorStoreId, nameof(vectorStoreId));
        return ListFiles(ApiOperations.ListVectorStoreFiles, StorePath(vectorStoreId) + "/files", options, cancellationToken);
    }

    private static string FilePath(string vectorStoreId, string fileId) => StorePath(vectorStoreId) + "/files/" + PathSegment.Escape(fileId);

    private AsyncPageable<VectorStoreFile> ListFiles(ApiOperation operation, string path, VectorStoreFileCollectionOptions? options, CancellationToken cancellationToken)
    {
        string? filter = options?.Filter?.ToString();
        return PageBuilder.Create(_pipeline, operation, path, options, AssistantsJsonContext.Default.ListResponseVectorStoreFile, f => f.Id, cancellationToken, q => q.Add("filter", filter));
    }
}
