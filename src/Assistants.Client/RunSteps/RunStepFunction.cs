using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The function part of a <see cref="RunStepFunctionToolCall"/>.</summary>
public sealed class RunStepFunction : JsonModel
{
    /// <summary>Gets the function name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Gets the arguments as a JSON string.</summary>
    [JsonPropertyName("arguments")]
    public string? Arguments { get; init; }

    /// <summary>Gets the output submitted for the call; <c>null</c> until it is submitted.</summary>
    [JsonPropertyName("output")]
    public string? Output { get; init; }
}
