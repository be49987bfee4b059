using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Client.Internal;
using Assistants.Client.Serialization;

namespace Assistants.Client;

/// <content>Searching a vector store and reading a file's parsed content.</content>
public partial class VectorStoresClient
{
    /// <summary>Searches a vector store for the chunks most relevant to a query.</summary>
    /// <param name="vectorStoreId">The vector store id.</param>
    /// <param name="query">The natural language query.</param>
    /// <param name="options">The attribute filter, result count, ranking and query rewriting.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The matching files with their chunks, best first.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="vectorStoreId"/> or <paramref name="query"/> is null or empty.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException">The maximum number of results is outside 1 to 50, or the score threshold is outside 0 to 1 (or NaN).</exception>
    /// <exception cref="ResourceNotFoundException">No vector store has this id.</exception>
    public virtual Task<VectorStoreSearchResults> SearchAsync(string vectorStoreId, string query, VectorStoreSearchOptions? options = null, CancellationToken cancellationToken = default)
    {
        Argument.Id(vectorStoreId, nameof(vectorStoreId));
        Argument.NotNullOrEmpty(query, nameof(query));
        return Search(vectorStoreId, new List<string> { query }, single: true, options, cancellationToken);
    }

    /// <summary>Searches a vector store for the chunks most relevant to several queries at once.</summary>
    /// <param name="vectorStoreId">The vector store id.</param>
    /// <param name="queries">One or more natural language queries, sent as a JSON array.</param>
    /// <param name="options">The attribute filter, result count, ranking and query rewriting.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The matching files with their chunks, best first.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="vectorStoreId"/> is null or empty, or <paramref name="queries"/> is null, empty or holds a null or empty query.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException">The maximum number of results is outside 1 to 50, or the score threshold is outside 0 to 1 (or NaN).</exception>
    /// <exception cref="ResourceNotFoundException">No vector store has this id.</exception>
    public virtual Task<VectorStoreSearchResults> SearchAsync(string vectorStoreId, IEnumerable<string> queries, VectorStoreSearchOptions? options = null, CancellationToken cancellationToken = default)
    {
        Argument.Id(vectorStoreId, nameof(vectorStoreId));
        Argument.NotNull(queries, nameof(queries));
        List<string> list = queries.ToList();
        if (list.Count == 0 || list.Exists(string.IsNullOrEmpty))
        {
            throw new System.ArgumentException("The queries must hold at least one query, none of them null or empty.", nameof(queries));
        }

        return Search(vectorStoreId, list, single: false, options, cancellationToken);
    }

    /// <summary>Retrieves the parsed content of a file in a vector store (the text the server chunked).</summary>
    /// <param name="vectorStoreId">The vector store id.</param>
    /// <param name="fileId">The file id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The parsed content.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="vectorStoreId"/> or <paramref name="fileId"/> is null or empty.</exception>
    /// <exception cref="ResourceNotFoundException">The file is not in the vector store.</exception>
    public virtual Task<VectorStoreFileContent> GetFileContentAsync(string vectorStoreId, string fileId, CancellationToken cancellationToken = default)
    {
        Argument.Id(vectorStoreId, nameof(vectorStoreId));
        Argument.Id(fileId, nameof(fileId));
        return _pipeline.CallAsync(ApiOperations.RetrieveVectorStoreFileContent, FilePath(vectorStoreId, fileId) + "/content", null, AssistantsJsonContext.Default.VectorStoreFileContent, cancellationToken);
    }

    private Task<VectorStoreSearchResults> Search(string vectorStoreId, List<string> queries, bool single, VectorStoreSearchOptions? options, CancellationToken cancellationToken)
    {
        Argument.Range(options?.MaxNumResults, ProtocolLimits.FileSearchMaxNumResultsMin, ProtocolLimits.FileSearchMaxNumResultsMax, "options.MaxNumResults");
        Argument.Range(options?.RankingOptions?.ScoreThreshold, ProtocolLimits.ScoreThresholdMin, ProtocolLimits.ScoreThresholdMax, "options.RankingOptions.ScoreThreshold");
        HttpContent content = RequestBody.Create(options, AssistantsJsonContext.Default.VectorStoreSearchOptions, w =>
        {
            w.WritePropertyName("query");
            if (single)
            {
                w.WriteStringValue(queries[0]);
                return;
            }

            w.WriteStartArray();
            foreach (string query in queries)
            {
                w.WriteStringValue(query);
            }

            w.WriteEndArray();
        });
        return _pipeline.CallAsync(ApiOperations.SearchVectorStore, StorePath(vectorStoreId) + "/search", content, AssistantsJsonContext.Default.VectorStoreSearchResults, cancellationToken);
    }
}
