using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The changes to make to an assistant; properties left <c>null</c> are not sent and keep their value.</summary>
public sealed class AssistantModificationOptions : AssistantCreationOptions
{
    /// <summary>Gets or sets the model.</summary>
    /// <value>The default is <c>null</c>: unchanged.</value>
    [JsonPropertyName("model")]
    public string? Model { get; set; }
}
