using System;
using System.Text.Json.Serialization;
using Assistants.Client.Serialization;

namespace Assistants.Client;

/// <summary>A batch of files being added to a vector store together.</summary>
public sealed class VectorStoreFileBatch : ApiObject
{
    /// <summary>Gets the batch id.</summary>
    /// <value>Empty when the server left the field out; it then stays out when the model is written again.</value>
    [JsonIgnore]
    public string Id { get => WireId ?? string.Empty; init => WireId = value; }

    /// <summary>The <c>id</c> as it was on the wire: <c>null</c> when absent, so it is not written back as <c>""</c>.</summary>
    [JsonInclude]
    [JsonPropertyName("id")]
    internal string? WireId { get; init; }

    /// <summary>Gets the object type, <c>vector_store.file_batch</c> (the spec says <c>vector_store.files_batch</c>).</summary>
    [JsonPropertyName("object")]
    public string? Object { get; init; }

    /// <summary>Gets when the batch was created.</summary>
    /// <value><c>null</c> when the server left the field out.</value>
    [JsonPropertyName("created_at")]
    [JsonConverter(typeof(NullableUnixTimestampConverter))]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Gets the id of the vector store.</summary>
    [JsonPropertyName("vector_store_id")]
    public string? VectorStoreId { get; init; }

    /// <summary>Gets the status; anything but <see cref="VectorStoreFileBatchStatus.InProgress"/> is final.</summary>
    /// <value><c>null</c> when the server left the field out.</value>
    [JsonPropertyName("status")]
    public VectorStoreFileBatchStatus? Status { get; init; }

    /// <summary>Gets how many of the batch's files are in each processing state.</summary>
    [JsonPropertyName("file_counts")]
    public VectorStoreFileCounts? FileCounts { get; init; }
}
