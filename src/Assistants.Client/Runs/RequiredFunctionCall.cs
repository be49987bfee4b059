using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The function part of a <see cref="RequiredToolCall"/>.</summary>
public sealed class RequiredFunctionCall : JsonModel
{
    /// <summary>Gets the function name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Gets the arguments as a JSON string, as the model wrote them (not guaranteed to be valid JSON).</summary>
    [JsonPropertyName("arguments")]
    public string? Arguments { get; init; }
}
