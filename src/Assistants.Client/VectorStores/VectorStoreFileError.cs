using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>Why processing a vector store file failed.</summary>
public sealed class VectorStoreFileError : JsonModel
{
    /// <summary>Gets the error code, such as <see cref="VectorStoreFileErrorCode.UnsupportedFile"/>.</summary>
    [JsonPropertyName("code")]
    public VectorStoreFileErrorCode? Code { get; init; }

    /// <summary>Gets the human-readable message.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }
}
