using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>A piece of a vector store file's parsed content: a search result chunk or a page of file content.</summary>
public sealed class VectorStoreContent : JsonModel
{
    /// <summary>Gets the content type; <see cref="VectorStoreContentType.Text"/> is the only one today.</summary>
    /// <value><c>null</c> when the server left the field out.</value>
    [JsonPropertyName("type")]
    public VectorStoreContentType? Type { get; init; }

    /// <summary>Gets the text.</summary>
    [JsonPropertyName("text")]
    public string? Text { get; init; }
}
