using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The options of the <c>file_search</c> tool.</summary>
public sealed class FileSearchToolOptions : JsonModel
{
    /// <summary>Gets or sets the maximum number of results (1 to 50).</summary>
    /// <value>The default is <c>null</c>: the server's default (20 for gpt-4 models, 5 for gpt-3.5).</value>
    [JsonPropertyName("max_num_results")]
    public int? MaxNumResults { get; set; }

    /// <summary>Gets or sets how results are ranked.</summary>
    /// <value>The default is <c>null</c>: the server's default ranker.</value>
    [JsonPropertyName("ranking_options")]
    public FileSearchRankingOptions? RankingOptions { get; set; }
}
