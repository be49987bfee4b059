using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The <c>static</c> chunking strategy: a fixed chunk size and overlap.</summary>
public sealed class StaticChunkingStrategy : ChunkingStrategy
{
    /// <summary>Initializes a <c>static</c> strategy with empty parameters (for deserialization).</summary>
    public StaticChunkingStrategy()
        : base(ChunkingStrategyKind.Static)
    {
    }

    /// <summary>Initializes a <c>static</c> strategy.</summary>
    /// <param name="parameters">The chunk size and overlap.</param>
    public StaticChunkingStrategy(StaticChunkingParameters parameters)
        : base(ChunkingStrategyKind.Static)
    {
        Static = parameters;
    }

    /// <summary>Gets the chunk size and overlap.</summary>
    [JsonPropertyName("static")]
    public StaticChunkingParameters? Static { get; init; }
}
