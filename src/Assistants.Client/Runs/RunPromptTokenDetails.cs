using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The details of the prompt tokens of a run or run step.</summary>
public sealed class RunPromptTokenDetails : JsonModel
{
    /// <summary>Gets the number of prompt tokens served from the cache.</summary>
    [JsonPropertyName("cached_tokens")]
    public int? CachedTokens { get; init; }
}
