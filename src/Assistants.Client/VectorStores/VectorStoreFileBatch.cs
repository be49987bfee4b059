using System;
using System.Text.Json.Serialization;
using Assistants.Client.Serialization;

namespace Assistants.Client;

/// <summary>A batch of files being added to a vector store together.</summary>
public sealed class VectorStoreFileBatch : ApiObject
{
    /// <summary>Gets the batch id.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = string.Empty;

    /// <summary>Gets the object type, <c>vector_store.file_batch</c> (the spec says <c>vector_store.files_batch</c>).</summary>
    [JsonPropertyName("object")]
    public string? Object { get; init; }

    /// <summary>Gets when the batch was created.</summary>
    [JsonPropertyName("created_at")]
    [JsonConverter(typeof(UnixTimestampConverter))]
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets the id of the vector store.</summary>
    [JsonPropertyName("vector_store_id")]
    public string? VectorStoreId { get; init; }

    /// <summary>Gets the status; anything but <see cref="VectorStoreFileBatchStatus.InProgress"/> is final.</summary>
    [JsonPropertyName("status")]
    public VectorStoreFileBatchStatus Status { get; init; }

    /// <summary>Gets how many of the batch's files are in each processing state.</summary>
    [JsonPropertyName("file_counts")]
    public VectorStoreFileCounts? FileCounts { get; init; }
}
