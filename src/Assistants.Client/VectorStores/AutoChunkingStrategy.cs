namespace Assistants.Client;

/// <summary>The <c>auto</c> chunking strategy: the server chooses chunk size and overlap (request only).</summary>
public sealed class AutoChunkingStrategy : ChunkingStrategy
{
    /// <summary>Initializes the <c>auto</c> strategy.</summary>
    public AutoChunkingStrategy()
        : base(ChunkingStrategyKind.Auto)
    {
    }
}
