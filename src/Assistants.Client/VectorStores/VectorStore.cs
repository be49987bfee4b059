using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using Assistants.Client.Serialization;

namespace Assistants.Client;

/// <summary>A vector store: processed, searchable files that the <c>file_search</c> tool reads.</summary>
public sealed class VectorStore : ApiObject
{
    /// <summary>Gets the vector store id.</summary>
    /// <value>Empty when the server left the field out; it then stays out when the model is written again.</value>
    [JsonIgnore]
    public string Id { get => WireId ?? string.Empty; init => WireId = value; }

    /// <summary>The <c>id</c> as it was on the wire: <c>null</c> when absent, so it is not written back as <c>""</c>.</summary>
    [JsonInclude]
    [JsonPropertyName("id")]
    internal string? WireId { get; init; }

    /// <summary>Gets the object type, <c>vector_store</c>.</summary>
    [JsonPropertyName("object")]
    public string? Object { get; init; }

    /// <summary>Gets when the vector store was created.</summary>
    /// <value><c>null</c> when the server left the field out.</value>
    [JsonPropertyName("created_at")]
    [JsonConverter(typeof(NullableUnixTimestampConverter))]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Gets the name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Gets the description (a field real servers send beyond the spec's response schema).</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>Gets the bytes the files use in the store.</summary>
    [JsonPropertyName("usage_bytes")]
    public long? UsageBytes { get; init; }

    /// <summary>Gets how many files are in each processing state.</summary>
    [JsonPropertyName("file_counts")]
    public VectorStoreFileCounts? FileCounts { get; init; }

    /// <summary>Gets the status; <see cref="VectorStoreStatus.Completed"/> means ready for use.</summary>
    /// <value><c>null</c> when the server left the field out.</value>
    [JsonPropertyName("status")]
    public VectorStoreStatus? Status { get; init; }

    /// <summary>Gets the expiration policy, if any.</summary>
    [JsonPropertyName("expires_after")]
    public VectorStoreExpirationPolicy? ExpiresAfter { get; init; }

    /// <summary>Gets when the vector store expires, if it has a policy.</summary>
    [JsonPropertyName("expires_at")]
    [JsonConverter(typeof(NullableUnixTimestampConverter))]
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Gets when the vector store was last used.</summary>
    [JsonPropertyName("last_active_at")]
    [JsonConverter(typeof(NullableUnixTimestampConverter))]
    public DateTimeOffset? LastActiveAt { get; init; }

    /// <summary>Gets the key-value pairs attached to the vector store.</summary>
    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
}
