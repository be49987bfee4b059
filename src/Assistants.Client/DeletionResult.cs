using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>What a delete operation returns: the id, the kind of object and whether it is gone.</summary>
public sealed class DeletionResult : ApiObject
{
    /// <summary>Gets the id of the deleted object.</summary>
    /// <value>Empty when the server left the field out; it then stays out when the model is written again.</value>
    [JsonIgnore]
    public string Id { get => WireId ?? string.Empty; init => WireId = value; }

    /// <summary>The <c>id</c> as it was on the wire: <c>null</c> when absent, so it is not written back as <c>""</c>.</summary>
    [JsonInclude]
    [JsonPropertyName("id")]
    internal string? WireId { get; init; }

    /// <summary>Gets the object type, such as <c>assistant.deleted</c>.</summary>
    [JsonPropertyName("object")]
    public string? Object { get; init; }

    /// <summary>Gets a value indicating whether the server deleted the object.</summary>
    /// <value><c>null</c> when the server left the field out.</value>
    [JsonPropertyName("deleted")]
    public bool? Deleted { get; init; }
}
