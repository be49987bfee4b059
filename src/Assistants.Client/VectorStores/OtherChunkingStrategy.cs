namespace Assistants.Client;

/// <summary>The <c>other</c> chunking strategy the server reports for files indexed before strategies existed (response only).</summary>
public sealed class OtherChunkingStrategy : ChunkingStrategy
{
    /// <summary>Initializes the <c>other</c> strategy.</summary>
    public OtherChunkingStrategy()
        : base(ChunkingStrategyKind.Other)
    {
    }
}
