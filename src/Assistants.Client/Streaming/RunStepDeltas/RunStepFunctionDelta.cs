using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The changed fields of a streamed function call.</summary>
public sealed class RunStepFunctionDelta : JsonModel
{
    /// <summary>Gets the function name; only the first delta carries it.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Gets the fragment of the JSON arguments to append.</summary>
    [JsonPropertyName("arguments")]
    public string? Arguments { get; init; }

    /// <summary>Gets the output, once tool outputs were submitted.</summary>
    [JsonPropertyName("output")]
    public string? Output { get; init; }
}
