using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The data of a <c>thread.message.delta</c> event: the fields of a message that changed while it streams.</summary>
public sealed class MessageDelta : JsonModel
{
    /// <summary>Gets the id of the message the delta belongs to.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>Gets the object type, <c>thread.message.delta</c>.</summary>
    [JsonPropertyName("object")]
    public string? Object { get; init; }

    /// <summary>Gets the changed fields.</summary>
    [JsonPropertyName("delta")]
    public MessageDeltaPayload? Delta { get; init; }
}
