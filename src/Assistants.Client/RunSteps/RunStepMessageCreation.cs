using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The message a <c>message_creation</c> step created.</summary>
public sealed class RunStepMessageCreation : JsonModel
{
    /// <summary>Gets the message id.</summary>
    [JsonPropertyName("message_id")]
    public string? MessageId { get; init; }
}
