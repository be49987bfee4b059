using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The tokens a run or a run step used.</summary>
public sealed class RunTokenUsage : JsonModel
{
    /// <summary>Gets the number of prompt tokens.</summary>
    /// <value><c>null</c> when the server left the field out.</value>
    [JsonPropertyName("prompt_tokens")]
    public int? PromptTokens { get; init; }

    /// <summary>Gets the number of completion tokens.</summary>
    /// <value><c>null</c> when the server left the field out.</value>
    [JsonPropertyName("completion_tokens")]
    public int? CompletionTokens { get; init; }

    /// <summary>Gets the total number of tokens (prompt plus completion).</summary>
    /// <value><c>null</c> when the server left the field out.</value>
    [JsonPropertyName("total_tokens")]
    public int? TotalTokens { get; init; }

    /// <summary>Gets the details of the prompt tokens (wire name <c>prompt_token_details</c>, singular, as real servers send it).</summary>
    [JsonPropertyName("prompt_token_details")]
    public RunPromptTokenDetails? PromptTokenDetails { get; init; }

    /// <summary>Gets the details of the completion tokens.</summary>
    [JsonPropertyName("completion_tokens_details")]
    public RunCompletionTokenDetails? CompletionTokensDetails { get; init; }
}
