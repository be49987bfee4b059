using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The optional parts of a new vector store.</summary>
public sealed class VectorStoreCreationOptions
{
    /// <summary>Gets or sets the ids of files to add to the new store.</summary>
    /// <value>The default is <c>null</c>: an empty store.</value>
    [JsonPropertyName("file_ids")]
    public IList<string>? FileIds { get; set; }

    /// <summary>Gets or sets the name.</summary>
    /// <value>The default is <c>null</c>: no name.</value>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Gets or sets the description.</summary>
    /// <value>The default is <c>null</c>: no description.</value>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>Gets or sets the expiration policy.</summary>
    /// <value>The default is <c>null</c>: the store does not expire.</value>
    [JsonPropertyName("expires_after")]
    public VectorStoreExpirationPolicy? ExpiresAfter { get; set; }

    /// <summary>Gets or sets how <see cref="FileIds"/> are chunked.</summary>
    /// <value>The default is <c>null</c>: the server's <c>auto</c> strategy.</value>
    [JsonPropertyName("chunking_strategy")]
    public ChunkingStrategy? ChunkingStrategy { get; set; }

    /// <summary>Gets or sets up to 16 key-value pairs.</summary>
    /// <value>The default is <c>null</c>: none.</value>
    [JsonPropertyName("metadata")]
    public IDictionary<string, string>? Metadata { get; set; }

    /// <summary>Gets or sets JSON properties the library does not model, sent as they are.</summary>
    /// <value>The default is <c>null</c>: none.</value>
    [JsonExtensionData]
    public IDictionary<string, System.Text.Json.JsonElement>? AdditionalProperties { get; set; }
}
