using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>A streamed file search tool call (<c>type: file_search</c>); its results arrive with the completed step.</summary>
public sealed class RunStepFileSearchToolCallDelta : RunStepToolCallDelta
{
    /// <summary>Initializes an empty delta part of type <c>file_search</c>.</summary>
    public RunStepFileSearchToolCallDelta()
        : base("file_search")
    {
    }

    /// <summary>Gets the file search fields as sent (usually <c>{"results": []}</c> while streaming).</summary>
    [JsonPropertyName("file_search")]
    public JsonElement? FileSearch { get; init; }
}
