using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>Why a run ended with the status <c>incomplete</c>.</summary>
public sealed class RunIncompleteDetails : JsonModel
{
    /// <summary>Gets the token limit that was reached.</summary>
    [JsonPropertyName("reason")]
    public RunIncompleteReason? Reason { get; init; }
}
