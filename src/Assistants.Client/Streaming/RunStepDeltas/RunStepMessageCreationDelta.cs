using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The message a streamed message creation step creates.</summary>
public sealed class RunStepMessageCreationDelta : JsonModel
{
    /// <summary>Gets the id of the message.</summary>
    [JsonPropertyName("message_id")]
    public string? MessageId { get; init; }
}
