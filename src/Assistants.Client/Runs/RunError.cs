using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The last error of a run or run step.</summary>
public sealed class RunError : JsonModel
{
    /// <summary>Gets the error code.</summary>
    [JsonPropertyName("code")]
    public RunErrorCode? Code { get; init; }

    /// <summary>Gets the human-readable message.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }
}
