using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The details of the completion tokens of a run or run step.</summary>
public sealed class RunCompletionTokenDetails : JsonModel
{
    /// <summary>Gets the number of completion tokens spent on reasoning.</summary>
    [JsonPropertyName("reasoning_tokens")]
    public int? ReasoningTokens { get; init; }
}
