using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The results of a vector store search (<c>vector_store.search_results.page</c>).</summary>
public sealed class VectorStoreSearchResults : ApiObject
{
    /// <summary>Gets the object type, <c>vector_store.search_results.page</c>.</summary>
    [JsonPropertyName("object")]
    public string? Object { get; init; }

    /// <summary>
    /// Gets the query the server searched for, as sent: the spec's schema says an array of strings, its example a
    /// single string, so the JSON is kept as it came (see <see cref="SearchQueries"/> for the strings).
    /// </summary>
    [JsonPropertyName("search_query")]
    public JsonElement? SearchQuery { get; init; }

    /// <summary>Gets the queries of <see cref="SearchQuery"/> as strings, whether the server sent one string or an array.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> SearchQueries => SearchQuery switch
    {
        { ValueKind: JsonValueKind.String } single => new[] { single.GetString()! },
        { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList(),
        _ => Array.Empty<string>(),
    };

    /// <summary>Gets the matching files, best first.</summary>
    [JsonPropertyName("data")]
    public IReadOnlyList<VectorStoreSearchResult>? Data { get; init; }

    /// <summary>Gets a value indicating whether the server has more results.</summary>
    /// <value><c>null</c> when the server left the field out.</value>
    [JsonPropertyName("has_more")]
    public bool? HasMore { get; init; }

    /// <summary>Gets the server's token for the next page, if any (the search request has no parameter to send it back yet).</summary>
    [JsonPropertyName("next_page")]
    public string? NextPage { get; init; }
}
