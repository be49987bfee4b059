using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Client.Internal;
using Assistants.Client.Serialization;

namespace Assistants.Client;

/// <summary>
/// Manages vector stores (<c>/vector_stores</c>), their files and file batches, waits for file processing, and
/// uploads several files into a store in one call.
/// </summary>
public partial class VectorStoresClient
{
    private readonly ClientPipeline _pipeline;
    private readonly FilesClient _files;

    /// <summary>Initializes a client for mocking; its methods must be overridden.</summary>
    protected VectorStoresClient()
    {
        _pipeline = null!;
        _files = null!;
    }

    internal VectorStoresClient(ClientPipeline pipeline)
    {
        _pipeline = pipeline;
        _files = new FilesClient(pipeline);
    }

    /// <summary>Creates a vector store.</summary>
    /// <param name="options">The files, name, chunking strategy, expiration and metadata.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new vector store; its files may still be processing.</returns>
    /// <exception cref="System.ArgumentException">An option breaks the protocol's limits (more than 500 file ids, expiration days outside 1 to 365, static chunks outside 100 to 4096 tokens or overlapping by more than half, metadata).</exception>
    /// <exception cref="AssistantsApiException">The server refused the request.</exception>
    public virtual Task<VectorStore> CreateAsync(VectorStoreCreationOptions? options = null, CancellationToken cancellationToken = default)
    {
        VectorStoreValidation.Creation(options, nameof(options));
        HttpContent content = RequestBody.Create(options, AssistantsJsonContext.Default.VectorStoreCreationOptions);
        return _pipeline.CallAsync(ApiOperations.CreateVectorStore, "vector_stores", content, AssistantsJsonContext.Default.VectorStore, cancellationToken);
    }

    /// <summary>Retrieves a vector store.</summary>
    /// <param name="vectorStoreId">The vector store id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The vector store.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="vectorStoreId"/> is null or empty.</exception>
    /// <exception cref="ResourceNotFoundException">No vector store has this id.</exception>
    public virtual Task<VectorStore> GetAsync(string vectorStoreId, CancellationToken cancellationToken = default)
    {
        Argument.Id(vectorStoreId, nameof(vectorStoreId));
        return _pipeline.CallAsync(ApiOperations.GetVectorStore, StorePath(vectorStoreId), null, AssistantsJsonContext.Default.VectorStore, cancellationToken);
    }

    /// <summary>Changes a vector store's name, expiration or metadata; properties left <c>null</c> keep their value.</summary>
    /// <param name="vectorStoreId">The vector store id.</param>
    /// <param name="options">The changes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The changed vector store.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="vectorStoreId"/> is null or empty, <paramref name="options"/> is null, or the expiration or metadata break the protocol's limits.</exception>
    /// <exception cref="ResourceNotFoundException">No vector store has this id.</exception>
    public virtual Task<VectorStore> ModifyAsync(string vectorStoreId, VectorStoreModificationOptions options, CancellationToken cancellationToken = default)
    {
        Argument.Id(vectorStoreId, nameof(vectorStoreId));
        Argument.NotNull(options, nameof(options));
        VectorStoreValidation.Modification(options, nameof(options));
        HttpContent content = ClientPipeline.JsonContent(options, AssistantsJsonContext.Default.VectorStoreModificationOptions);
        return _pipeline.CallAsync(ApiOperations.ModifyVectorStore, StorePath(vectorStoreId), content, AssistantsJsonContext.Default.VectorStore, cancellationToken);
    }

    /// <summary>Deletes a vector store (the stored files themselves remain).</summary>
    /// <param name="vectorStoreId">The vector store id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The deletion result.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="vectorStoreId"/> is null or empty.</exception>
    /// <exception cref="ResourceNotFoundException">No vector store has this id.</exception>
    public virtual Task<DeletionResult> DeleteAsync(string vectorStoreId, CancellationToken cancellationToken = default)
    {
        Argument.Id(vectorStoreId, nameof(vectorStoreId));
        return _pipeline.CallAsync(ApiOperations.DeleteVectorStore, StorePath(vectorStoreId), null, AssistantsJsonContext.Default.DeletionResult, cancellationToken);
    }

    /// <summary>Lists vector stores, page by page as the caller enumerates.</summary>
    /// <param name="options">The page size, order and cursors.</param>
    /// <param name="cancellationToken">Cancels every page request.</param>
    /// <returns>The vector stores, as items or as pages.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException">The limit is outside 1 to 100.</exception>
    public virtual AsyncPageable<VectorStore> ListAsync(VectorStoreCollectionOptions? options = null, CancellationToken cancellationToken = default)
        => PageBuilder.Create(_pipeline, ApiOperations.ListVectorStores, "vector_stores", options, AssistantsJsonContext.Default.ListResponseVectorStore, v => v.Id, cancellationToken);

    private static string StorePath(string vectorStoreId) => "vector_stores/" + PathSegment.Escape(vectorStoreId);
}
