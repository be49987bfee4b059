using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>How a vector store search ranks its results.</summary>
public sealed class VectorStoreSearchRankingOptions
{
    /// <summary>Gets or sets the ranker; <see cref="VectorStoreSearchRanker.None"/> disables re-ranking.</summary>
    /// <value>The default is <c>null</c>: the server's default (<c>auto</c>).</value>
    [JsonPropertyName("ranker")]
    public VectorStoreSearchRanker? Ranker { get; set; }

    /// <summary>Gets or sets the minimum score, from 0 to 1, of a returned result.</summary>
    /// <value>The default is <c>null</c>: the server's default (0).</value>
    [JsonPropertyName("score_threshold")]
    public double? ScoreThreshold { get; set; }

    /// <summary>Gets or sets JSON properties the library does not model, sent as they are.</summary>
    /// <value>The default is <c>null</c>: none.</value>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
