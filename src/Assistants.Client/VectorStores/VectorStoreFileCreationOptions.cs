using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The optional parts of adding a file, or a batch of files, to a vector store.</summary>
public sealed class VectorStoreFileCreationOptions
{
    /// <summary>Gets or sets how the file is chunked.</summary>
    /// <value>The default is <c>null</c>: the server's <c>auto</c> strategy.</value>
    [JsonPropertyName("chunking_strategy")]
    public ChunkingStrategy? ChunkingStrategy { get; set; }

    /// <summary>Gets or sets up to 16 attributes for filtering searches; values are JSON strings, numbers or booleans.</summary>
    /// <value>The default is <c>null</c>: none.</value>
    [JsonPropertyName("attributes")]
    public IDictionary<string, JsonElement>? Attributes { get; set; }

    /// <summary>Gets or sets JSON properties the library does not model, sent as they are.</summary>
    /// <value>The default is <c>null</c>: none.</value>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
