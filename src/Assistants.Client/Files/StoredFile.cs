using System;
using System.Text.Json.Serialization;
using Assistants.Client.Serialization;

namespace Assistants.Client;

/// <summary>
/// A file stored on the server (the protocol's <c>file</c> object), which tools reach by its <see cref="Id"/>.
/// </summary>
/// <remarks>
/// The official OpenAI SDKs call this type <c>OpenAIFile</c>; this library is vendor-neutral, so it is named
/// for what it is: a file the server stores.
/// </remarks>
public sealed class StoredFile : ApiObject
{
    /// <summary>Gets the file id.</summary>
    /// <value>Empty when the server left the field out; it then stays out when the model is written again.</value>
    [JsonIgnore]
    public string Id { get => WireId ?? string.Empty; init => WireId = value; }

    /// <summary>The <c>id</c> as it was on the wire: <c>null</c> when absent, so it is not written back as <c>""</c>.</summary>
    [JsonInclude]
    [JsonPropertyName("id")]
    internal string? WireId { get; init; }

    /// <summary>Gets the object type, <c>file</c>.</summary>
    [JsonPropertyName("object")]
    public string? Object { get; init; }

    /// <summary>Gets the file's size in bytes.</summary>
    [JsonPropertyName("bytes")]
    public long? SizeInBytes { get; init; }

    /// <summary>Gets when the file was created.</summary>
    /// <value><c>null</c> when the server left the field out.</value>
    [JsonPropertyName("created_at")]
    [JsonConverter(typeof(NullableUnixTimestampConverter))]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Gets when the file expires, or <c>null</c> when it is kept until deleted.</summary>
    [JsonPropertyName("expires_at")]
    [JsonConverter(typeof(NullableUnixTimestampConverter))]
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Gets the file's name as the server stored it.</summary>
    [JsonPropertyName("filename")]
    public string? FileName { get; init; }

    /// <summary>Gets the purpose the file was uploaded for.</summary>
    /// <value><c>null</c> when the server left the field out.</value>
    [JsonPropertyName("purpose")]
    public FilePurpose? Purpose { get; init; }

    /// <summary>Gets the processing status (deprecated by the protocol, still sent).</summary>
    [JsonPropertyName("status")]
    public FileStatus? Status { get; init; }

    /// <summary>Gets details about a failed validation (deprecated by the protocol, usually <c>null</c>).</summary>
    [JsonPropertyName("status_details")]
    public string? StatusDetails { get; init; }
}
