using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Assistants.Client.Serialization;

namespace Assistants.Client;

/// <summary>
/// A file attached to a vector store. Its <see cref="Id"/> is the id of the stored file. Files listed through a
/// file batch often come without <see cref="UsageBytes"/>, <see cref="ChunkingStrategy"/> and <see cref="Attributes"/>.
/// </summary>
public sealed class VectorStoreFile : ApiObject
{
    /// <summary>Gets the file id (the same as the stored file's).</summary>
    /// <value>Empty when the server left the field out; it then stays out when the model is written again.</value>
    [JsonIgnore]
    public string Id { get => WireId ?? string.Empty; init => WireId = value; }

    /// <summary>The <c>id</c> as it was on the wire: <c>null</c> when absent, so it is not written back as <c>""</c>.</summary>
    [JsonInclude]
    [JsonPropertyName("id")]
    internal string? WireId { get; init; }

    /// <summary>Gets the object type, <c>vector_store.file</c>.</summary>
    [JsonPropertyName("object")]
    public string? Object { get; init; }

    /// <summary>Gets the bytes the file uses in the store, which may differ from its size; <c>null</c> when not sent.</summary>
    [JsonPropertyName("usage_bytes")]
    public long? UsageBytes { get; init; }

    /// <summary>Gets when the file was added.</summary>
    /// <value><c>null</c> when the server left the field out.</value>
    [JsonPropertyName("created_at")]
    [JsonConverter(typeof(NullableUnixTimestampConverter))]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Gets the id of the vector store the file belongs to.</summary>
    [JsonPropertyName("vector_store_id")]
    public string? VectorStoreId { get; init; }

    /// <summary>Gets the processing status; <see cref="VectorStoreFileStatus.Completed"/> means ready for use.</summary>
    /// <value><c>null</c> when the server left the field out.</value>
    [JsonPropertyName("status")]
    public VectorStoreFileStatus? Status { get; init; }

    /// <summary>Gets the last processing error, or <c>null</c>.</summary>
    [JsonPropertyName("last_error")]
    public VectorStoreFileError? LastError { get; init; }

    /// <summary>Gets how the file was chunked; <c>null</c> when not sent.</summary>
    [JsonPropertyName("chunking_strategy")]
    public ChunkingStrategy? ChunkingStrategy { get; init; }

    /// <summary>Gets the attributes used to filter searches: strings, numbers or booleans; <c>null</c> when not sent.</summary>
    [JsonPropertyName("attributes")]
    public IReadOnlyDictionary<string, JsonElement>? Attributes { get; init; }
}
