using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>
/// One file of a file batch with its own chunking strategy and attributes (the batch's <c>files</c> form, for
/// when files need different settings; see <see cref="VectorStoresClient.CreateFileBatchAsync(string, IEnumerable{VectorStoreBatchFile}, System.Threading.CancellationToken)"/>).
/// </summary>
public sealed class VectorStoreBatchFile
{
    /// <summary>Initializes an entry for a stored file.</summary>
    /// <param name="fileId">The id of a stored file.</param>
    /// <exception cref="ArgumentException"><paramref name="fileId"/> is null or empty.</exception>
    public VectorStoreBatchFile(string fileId)
    {
        FileId = string.IsNullOrEmpty(fileId) ? throw new ArgumentException("The file id must not be null or empty.", nameof(fileId)) : fileId;
    }

    /// <summary>Gets or sets the id of the stored file.</summary>
    /// <value>The id given to the constructor.</value>
    [JsonPropertyName("file_id")]
    public string FileId { get; set; }

    /// <summary>Gets or sets how this file is chunked.</summary>
    /// <value>The default is <c>null</c>: the server's <c>auto</c> strategy.</value>
    [JsonPropertyName("chunking_strategy")]
    public ChunkingStrategy? ChunkingStrategy { get; set; }

    /// <summary>Gets or sets up to 16 attributes of this file for filtering searches; values are JSON strings, numbers or booleans.</summary>
    /// <value>The default is <c>null</c>: none.</value>
    [JsonPropertyName("attributes")]
    public IDictionary<string, JsonElement>? Attributes { get; set; }

    /// <summary>Gets or sets JSON properties the library does not model, sent as they are.</summary>
    /// <value>The default is <c>null</c>: none.</value>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
