using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The chunk size and overlap of a <see cref="StaticChunkingStrategy"/>.</summary>
public sealed class StaticChunkingParameters : JsonModel
{
    /// <summary>Gets or sets the largest chunk, from 100 to 4096 tokens.</summary>
    /// <value>The default is <c>null</c> (left out, also when the server left it out; the server's own default is 800).</value>
    [JsonPropertyName("max_chunk_size_tokens")]
    public int? MaxChunkSizeTokens { get; set; }

    /// <summary>Gets or sets the overlap between chunks, at most half of <see cref="MaxChunkSizeTokens"/>.</summary>
    /// <value>The default is <c>null</c> (left out, also when the server left it out; the server's own default is 400).</value>
    [JsonPropertyName("chunk_overlap_tokens")]
    public int? ChunkOverlapTokens { get; set; }
}
