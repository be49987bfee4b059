using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The optional parts of a vector store search; the query itself is a parameter of <see cref="VectorStoresClient.SearchAsync(string, string, VectorStoreSearchOptions?, System.Threading.CancellationToken)"/>.</summary>
public sealed class VectorStoreSearchOptions
{
    /// <summary>
    /// Gets or sets a filter on the files' attributes, as the JSON the server expects: a comparison filter
    /// (<c>{"type":"eq","key":"lang","value":"en"}</c>; types <c>eq</c>, <c>ne</c>, <c>gt</c>, <c>gte</c>, <c>lt</c>,
    /// <c>lte</c>, <c>in</c>, <c>nin</c>) or a compound filter (<c>{"type":"and","filters":[...]}</c>, <c>and</c>/<c>or</c>).
    /// </summary>
    /// <value>The default is <c>null</c>: every file is searched.</value>
    /// <remarks>
    /// Kept as raw JSON on purpose: filters nest, servers add operators, and a typed tree would have to round-trip
    /// every shape it does not know. Build one with <see cref="JsonDocument.Parse(string, JsonDocumentOptions)"/> or
    /// <see cref="JsonSerializer.SerializeToElement{TValue}(TValue, JsonSerializerOptions?)"/>.
    /// </remarks>
    [JsonPropertyName("filters")]
    public JsonElement? Filters { get; set; }

    /// <summary>Gets or sets the maximum number of results, from 1 to 50.</summary>
    /// <value>The default is <c>null</c>: the server's default (10).</value>
    [JsonPropertyName("max_num_results")]
    public int? MaxNumResults { get; set; }

    /// <summary>Gets or sets the ranker and the minimum score of a result.</summary>
    /// <value>The default is <c>null</c>: the server's ranking.</value>
    [JsonPropertyName("ranking_options")]
    public VectorStoreSearchRankingOptions? RankingOptions { get; set; }

    /// <summary>Gets or sets whether the server rewrites the natural language query for vector search.</summary>
    /// <value>The default is <c>null</c>: the server's default (<c>false</c>).</value>
    [JsonPropertyName("rewrite_query")]
    public bool? RewriteQuery { get; set; }

    /// <summary>Gets or sets JSON properties the library does not model, sent as they are.</summary>
    /// <value>The default is <c>null</c>: none.</value>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
