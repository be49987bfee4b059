using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>What a delete operation returns: the id, the kind of object and whether it is gone.</summary>
public sealed class DeletionResult : ApiObject
{
    /// <summary>Gets the id of the deleted object.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = string.Empty;

    /// <summary>Gets the object type, such as <c>assistant.deleted</c>.</summary>
    [JsonPropertyName("object")]
    public string? Object { get; init; }

    /// <summary>Gets a value indicating whether the server deleted the object.</summary>
    [JsonPropertyName("deleted")]
    public bool Deleted { get; init; }
}
