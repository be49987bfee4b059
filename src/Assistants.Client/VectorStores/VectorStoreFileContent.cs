using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>
/// The parsed content of a vector store file (<c>vector_store.file_content.page</c>). The spec's schema has
/// <see cref="Data"/>, <see cref="HasMore"/> and <see cref="NextPage"/>; its example instead shows
/// <c>file_id</c>, <c>filename</c>, <c>attributes</c> and <c>content</c>, so both shapes are modelled.
/// </summary>
public sealed class VectorStoreFileContent : ApiObject
{
    /// <summary>Gets the object type, <c>vector_store.file_content.page</c>.</summary>
    [JsonPropertyName("object")]
    public string? Object { get; init; }

    /// <summary>Gets the parsed content, in order.</summary>
    [JsonPropertyName("data")]
    public IReadOnlyList<VectorStoreContent>? Data { get; init; }

    /// <summary>Gets a value indicating whether the server has more content pages.</summary>
    [JsonPropertyName("has_more")]
    public bool? HasMore { get; init; }

    /// <summary>Gets the server's token for the next page, if any (the request has no parameter to send it back yet).</summary>
    [JsonPropertyName("next_page")]
    public string? NextPage { get; init; }

    /// <summary>Gets the id of the file, when the server sends it (the spec's example shape).</summary>
    [JsonPropertyName("file_id")]
    public string? FileId { get; init; }

    /// <summary>Gets the name of the file, when the server sends it (the spec's example shape).</summary>
    [JsonPropertyName("filename")]
    public string? Filename { get; init; }

    /// <summary>Gets the file's attributes, when the server sends them (the spec's example shape).</summary>
    [JsonPropertyName("attributes")]
    public IReadOnlyDictionary<string, JsonElement>? Attributes { get; init; }

    /// <summary>Gets the parsed content under the spec example's name <c>content</c>, when the server uses it.</summary>
    [JsonPropertyName("content")]
    public IReadOnlyList<VectorStoreContent>? Content { get; init; }

    /// <summary>Gets the text pieces of whichever of <see cref="Data"/> or <see cref="Content"/> the server sent.</summary>
    [JsonIgnore]
    public IReadOnlyList<VectorStoreContent> Pieces => Data ?? Content ?? System.Array.Empty<VectorStoreContent>();
}
