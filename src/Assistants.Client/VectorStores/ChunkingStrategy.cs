using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>
/// How a vector store splits files into chunks: <see cref="AutoChunkingStrategy"/>, <see cref="StaticChunkingStrategy"/>,
/// <see cref="OtherChunkingStrategy"/> (files indexed before strategies existed), or <see cref="UnknownChunkingStrategy"/>
/// for a type this library does not know.
/// </summary>
[JsonConverter(typeof(Serialization.ChunkingStrategyConverter))]
public abstract class ChunkingStrategy : JsonModel
{
    /// <summary>Initializes a strategy of the given wire type.</summary>
    /// <param name="type">The wire type, such as <c>static</c>.</param>
    protected ChunkingStrategy(ChunkingStrategyKind type) => Type = type;

    /// <summary>Gets the wire type of the strategy.</summary>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-1)]
    public ChunkingStrategyKind Type { get; init; }

    /// <summary>Creates the <c>auto</c> strategy (currently 800-token chunks overlapping by 400).</summary>
    /// <returns>The strategy.</returns>
    public static AutoChunkingStrategy CreateAuto() => new();

    /// <summary>Creates a <c>static</c> strategy.</summary>
    /// <param name="maxChunkSizeTokens">The largest chunk, from 100 to 4096 tokens.</param>
    /// <param name="chunkOverlapTokens">The overlap between chunks, at most half of <paramref name="maxChunkSizeTokens"/>.</param>
    /// <returns>The strategy.</returns>
    public static StaticChunkingStrategy CreateStatic(int maxChunkSizeTokens, int chunkOverlapTokens)
        => new(new StaticChunkingParameters { MaxChunkSizeTokens = maxChunkSizeTokens, ChunkOverlapTokens = chunkOverlapTokens });
}
