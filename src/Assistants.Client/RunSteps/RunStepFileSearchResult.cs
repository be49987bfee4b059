using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>A file search result.</summary>
public sealed class RunStepFileSearchResult : JsonModel
{
    /// <summary>Gets the id of the file the result was found in.</summary>
    [JsonPropertyName("file_id")]
    public string? FileId { get; init; }

    /// <summary>Gets the name of the file the result was found in.</summary>
    [JsonPropertyName("file_name")]
    public string? FileName { get; init; }

    /// <summary>Gets the score, from 0 to 1.</summary>
    [JsonPropertyName("score")]
    public double? Score { get; init; }

    /// <summary>Gets the attributes of the vector store file (a field real servers send beyond the spec).</summary>
    [JsonPropertyName("attributes")]
    public IReadOnlyDictionary<string, JsonElement>? Attributes { get; init; }

    /// <summary>Gets the matched content; present only when asked for with <c>include[]</c>.</summary>
    [JsonPropertyName("content")]
    public IReadOnlyList<RunStepFileSearchResultContent>? Content { get; init; }
}
