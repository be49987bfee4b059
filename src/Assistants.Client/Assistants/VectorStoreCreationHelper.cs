using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>A vector store the server creates from files while creating an assistant or thread.</summary>
public sealed class VectorStoreCreationHelper : JsonModel
{
    /// <summary>Gets or sets the ids of the files to add (at most 10,000).</summary>
    /// <value>The default is <c>null</c>: none.</value>
    [JsonPropertyName("file_ids")]
    public IList<string>? FileIds { get; set; }

    /// <summary>Gets or sets the chunking strategy, as its JSON object (for example <c>{"type":"auto"}</c>).</summary>
    /// <value>The default is <c>null</c>: the server's <c>auto</c> strategy.</value>
    [JsonPropertyName("chunking_strategy")]
    public JsonElement? ChunkingStrategy { get; set; }

    /// <summary>Gets or sets up to 16 key-value pairs attached to the vector store.</summary>
    /// <value>The default is <c>null</c>: none.</value>
    [JsonPropertyName("metadata")]
    public IDictionary<string, string>? Metadata { get; set; }
}
