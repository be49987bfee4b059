using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The search part of a <see cref="RunStepFileSearchToolCall"/>.</summary>
public sealed class RunStepFileSearch : JsonModel
{
    /// <summary>Gets the ranking options the search used.</summary>
    [JsonPropertyName("ranking_options")]
    public FileSearchRankingOptions? RankingOptions { get; init; }

    /// <summary>Gets the results; their content is there only when asked for with <c>include[]</c>.</summary>
    [JsonPropertyName("results")]
    public IReadOnlyList<RunStepFileSearchResult>? Results { get; init; }
}
