using System;
using System.Collections.Generic;

namespace Assistants.Client.Internal;

/// <summary>Checks vector store requests against <see cref="ProtocolLimits"/>.</summary>
internal static class VectorStoreValidation
{
    public static void Creation(VectorStoreCreationOptions? options, string name)
    {
        if (options is null)
        {
            return;
        }

        Argument.MaxCount(options.FileIds, ProtocolLimits.VectorStoreMaxFileIds, name + ".FileIds");
        Expiration(options.ExpiresAfter, name + ".ExpiresAfter");
        Chunking(options.ChunkingStrategy, name + ".ChunkingStrategy");
        Argument.Metadata(options.Metadata, name + ".Metadata");
    }

    public static void Modification(VectorStoreModificationOptions options, string name)
    {
        Expiration(options.ExpiresAfter, name + ".ExpiresAfter");
        Argument.Metadata(options.Metadata, name + ".Metadata");
    }

    /// <summary>The options of a file added alone or of every file in a batch.</summary>
    public static void File(VectorStoreFileCreationOptions? options, string name)
        => Chunking(options?.ChunkingStrategy, name + ".ChunkingStrategy");

    /// <summary>A batch holds at most 2000 files, each with a valid chunking strategy.</summary>
    public static void Batch(List<VectorStoreBatchFile> files, string name)
    {
        Argument.MaxCount(files, ProtocolLimits.FileBatchMaxFiles, name);
        for (int i = 0; i < files.Count; i++)
        {
            Chunking(files[i].ChunkingStrategy, $"{name}[{i}].ChunkingStrategy");
        }
    }

    private static void Expiration(VectorStoreExpirationPolicy? policy, string name)
        => Argument.Range(policy?.Days, ProtocolLimits.ExpirationDaysMin, ProtocolLimits.ExpirationDaysMax, name + ".Days");

    /// <summary>Static chunks of 100 to 4096 tokens, overlapping by at most half a chunk.</summary>
    private static void Chunking(ChunkingStrategy? strategy, string name)
    {
        if (strategy is not StaticChunkingStrategy chunking)
        {
            return;
        }

        StaticChunkingParameters parameters = chunking.Static ?? throw new ArgumentNullException(name + ".Static", "A static chunking strategy needs its parameters.");
        int size = parameters.MaxChunkSizeTokens
            ?? throw new ArgumentNullException(name + ".Static.MaxChunkSizeTokens", "A static chunking strategy needs its chunk size.");
        int overlap = parameters.ChunkOverlapTokens
            ?? throw new ArgumentNullException(name + ".Static.ChunkOverlapTokens", "A static chunking strategy needs its chunk overlap.");
        Argument.Range(size, ProtocolLimits.ChunkSizeMin, ProtocolLimits.ChunkSizeMax, name + ".Static.MaxChunkSizeTokens");
        Argument.Range(overlap, ProtocolLimits.ChunkOverlapMin, size / 2, name + ".Static.ChunkOverlapTokens");
    }
}
