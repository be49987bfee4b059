using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The changed fields of a message delta: its role and content parts, each addressed by <c>index</c>.</summary>
public sealed class MessageDeltaPayload : JsonModel
{
    /// <summary>Gets the role, when the delta carries it.</summary>
    [JsonPropertyName("role")]
    public MessageRole? Role { get; init; }

    /// <summary>Gets the content parts that changed, each with the <c>index</c> of the part it extends.</summary>
    [JsonPropertyName("content")]
    public IReadOnlyList<MessageContentDelta>? Content { get; init; }
}
