using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>A call of the file search tool in a run step.</summary>
public sealed class RunStepFileSearchToolCall : RunStepToolCall
{
    /// <summary>Initializes an empty value, as deserialization and tests build it.</summary>
    public RunStepFileSearchToolCall()
        : base("file_search")
    {
    }

    /// <summary>Gets the ranking options and the results.</summary>
    [JsonPropertyName("file_search")]
    public RunStepFileSearch? FileSearch { get; init; }

    /// <summary>Gets the results; their content is there only when asked for with <c>include[]</c>.</summary>
    [JsonIgnore]
    public IReadOnlyList<RunStepFileSearchResult>? Results => FileSearch?.Results;
}
