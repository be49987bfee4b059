using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>How the <c>file_search</c> tool ranks its results.</summary>
public sealed class FileSearchRankingOptions : JsonModel
{
    /// <summary>Gets or sets the ranker, such as <c>auto</c> or <c>default_2024_08_21</c>.</summary>
    /// <value>The default is <c>null</c>: the server chooses.</value>
    [JsonPropertyName("ranker")]
    public string? Ranker { get; set; }

    /// <summary>Gets or sets the minimum score (0 to 1) of a returned result.</summary>
    /// <value>The default is <c>null</c>: the server uses 0.</value>
    [JsonPropertyName("score_threshold")]
    public double? ScoreThreshold { get; set; }
}
