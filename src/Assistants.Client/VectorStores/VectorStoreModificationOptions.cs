using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>Changes to a vector store; properties left <c>null</c> keep their value.</summary>
public sealed class VectorStoreModificationOptions
{
    /// <summary>Gets or sets the new name.</summary>
    /// <value>The default is <c>null</c>: unchanged.</value>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Gets or sets the new expiration policy.</summary>
    /// <value>The default is <c>null</c>: unchanged.</value>
    [JsonPropertyName("expires_after")]
    public VectorStoreExpirationPolicy? ExpiresAfter { get; set; }

    /// <summary>Gets or sets the new key-value pairs (replacing the old ones).</summary>
    /// <value>The default is <c>null</c>: unchanged.</value>
    [JsonPropertyName("metadata")]
    public IDictionary<string, string>? Metadata { get; set; }

    /// <summary>Gets or sets JSON properties the library does not model, sent as they are.</summary>
    /// <value>The default is <c>null</c>: none.</value>
    [JsonExtensionData]
    public IDictionary<string, System.Text.Json.JsonElement>? AdditionalProperties { get; set; }
}
