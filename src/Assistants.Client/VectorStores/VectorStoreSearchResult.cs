using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>One file that matched a vector store search, with its matching chunks.</summary>
public sealed class VectorStoreSearchResult : JsonModel
{
    /// <summary>Gets the id of the file.</summary>
    [JsonPropertyName("file_id")]
    public string? FileId { get; init; }

    /// <summary>Gets the name of the file.</summary>
    [JsonPropertyName("filename")]
    public string? Filename { get; init; }

    /// <summary>Gets the similarity score, from 0 to 1.</summary>
    /// <value><c>null</c> when the server left the field out.</value>
    [JsonPropertyName("score")]
    public double? Score { get; init; }

    /// <summary>Gets the file's attributes (JSON strings, numbers or booleans).</summary>
    [JsonPropertyName("attributes")]
    public IReadOnlyDictionary<string, JsonElement>? Attributes { get; init; }

    /// <summary>Gets the matching chunks of the file.</summary>
    [JsonPropertyName("content")]
    public IReadOnlyList<VectorStoreContent>? Content { get; init; }
}
