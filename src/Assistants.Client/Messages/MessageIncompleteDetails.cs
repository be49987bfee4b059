using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>Why a message ended incomplete.</summary>
public sealed class MessageIncompleteDetails : JsonModel
{
    /// <summary>Gets the reason.</summary>
    [JsonPropertyName("reason")]
    public MessageIncompleteReason? Reason { get; init; }
}
