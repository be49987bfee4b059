using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The vector stores made available to the <c>file_search</c> tool.</summary>
public sealed class FileSearchToolResources : JsonModel
{
    /// <summary>Gets or sets the ids of existing vector stores (at most 1).</summary>
    /// <value>The default is <c>null</c>: none.</value>
    [JsonPropertyName("vector_store_ids")]
    public IList<string>? VectorStoreIds { get; set; }

    /// <summary>Gets or sets vector stores for the server to create from files and attach (requests only).</summary>
    /// <value>The default is <c>null</c>: none.</value>
    [JsonPropertyName("vector_stores")]
    public IList<VectorStoreCreationHelper>? NewVectorStores { get; set; }
}
