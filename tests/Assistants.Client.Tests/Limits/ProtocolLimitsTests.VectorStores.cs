using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace Assistants.Client.Tests;

/// <summary>The limit tables of vector stores, their files and batches, search, and every list's <c>limit</c>.</summary>
public sealed partial class ProtocolLimitsTests
{
    private static IEnumerable<LimitCase> VectorStoreCases()
    {
        Limit<VectorStoreCreationOptions>[] create =
        {
            new("file ids", "FileIds", o => o.FileIds = Ids(500), o => o.FileIds = Ids(501)),
            new("chunk size low", "ChunkingStrategy.Static.MaxChunkSizeTokens", o => o.ChunkingStrategy = ChunkingStrategy.CreateStatic(100, 50), o => o.ChunkingStrategy = ChunkingStrategy.CreateStatic(99, 0)),
            new("chunk size high", "ChunkingStrategy.Static.MaxChunkSizeTokens", o => o.ChunkingStrategy = ChunkingStrategy.CreateStatic(4096, 0), o => o.ChunkingStrategy = ChunkingStrategy.CreateStatic(4097, 0)),
            new("chunk overlap", "ChunkingStrategy.Static.ChunkOverlapTokens",
                o => o.ChunkingStrategy = ChunkingStrategy.CreateStatic(801, 400),
                o => o.ChunkingStrategy = ChunkingStrategy.CreateStatic(800, 401),
                o => o.ChunkingStrategy = ChunkingStrategy.CreateStatic(800, -1)),
            new("static parameters", "ChunkingStrategy.Static", null, o => o.ChunkingStrategy = new StaticChunkingStrategy()),
        };

        return Expand(
                Concat(create, ExpirationLimits<VectorStoreCreationOptions>((o, p) => o.ExpiresAfter = p), MetadataLimits<VectorStoreCreationOptions>((o, m) => o.Metadata = m)),
                new Target<VectorStoreCreationOptions>("VectorStores.CreateAsync", "options", make => c => c.VectorStores.CreateAsync(make())))
            .Concat(Expand(
                Concat(ExpirationLimits<VectorStoreModificationOptions>((o, p) => o.ExpiresAfter = p), MetadataLimits<VectorStoreModificationOptions>((o, m) => o.Metadata = m)),
                new Target<VectorStoreModificationOptions>("VectorStores.ModifyAsync", "options", make => c => c.VectorStores.ModifyAsync("vs_1", make()))))
            .Concat(Expand(
                new Limit<VectorStoreFileCreationOptions>[]
                {
                    new("chunk overlap", "ChunkingStrategy.Static.ChunkOverlapTokens", o => o.ChunkingStrategy = ChunkingStrategy.CreateStatic(100, 50), o => o.ChunkingStrategy = ChunkingStrategy.CreateStatic(100, 51)),
                },
                new Target<VectorStoreFileCreationOptions>("VectorStores.AddFileAsync", "options", make => c => c.VectorStores.AddFileAsync("vs_1", "file_1", make())),
                new Target<VectorStoreFileCreationOptions>("VectorStores.CreateFileBatchAsync", "options", make => c => c.VectorStores.CreateFileBatchAsync("vs_1", Ids(1), make()))))
            .Concat(Expand(
                new Limit<VectorStoreSearchOptions>[]
                {
                    new("max results", "MaxNumResults", o => o.MaxNumResults = 50, o => o.MaxNumResults = 51, o => o.MaxNumResults = 0),
                    new("score threshold", "RankingOptions.ScoreThreshold",
                        o => o.RankingOptions = new VectorStoreSearchRankingOptions { ScoreThreshold = 0 },
                        OutsideRange<VectorStoreSearchOptions>((o, v) => o.RankingOptions = new VectorStoreSearchRankingOptions { ScoreThreshold = v }, 0, 1, 0.001)),
                },
                new Target<VectorStoreSearchOptions>("VectorStores.SearchAsync", "options", make => c => c.VectorStores.SearchAsync("vs_1", "q", make()))))
            .Concat(BatchCases());
    }

    private static IEnumerable<LimitCase> BatchCases()
    {
        yield return new LimitCase("CreateFileBatchAsync 2000 ids inside", c => c.VectorStores.CreateFileBatchAsync("vs_1", Ids(2000)), null);
        yield return new LimitCase("CreateFileBatchAsync 2001 ids outside", c => c.VectorStores.CreateFileBatchAsync("vs_1", Ids(2001)), "fileIds");
        yield return new LimitCase("CreateFileBatchAsync 2000 files inside", c => c.VectorStores.CreateFileBatchAsync("vs_1", BatchFiles(2000)), null);
        yield return new LimitCase("CreateFileBatchAsync 2001 files outside", c => c.VectorStores.CreateFileBatchAsync("vs_1", BatchFiles(2001)), "files");
        yield return new LimitCase(
            "CreateFileBatchAsync files chunking outside",
            c => c.VectorStores.CreateFileBatchAsync("vs_1", BatchFiles(2, ChunkingStrategy.CreateStatic(4097, 0))),
            "files[1].ChunkingStrategy.Static.MaxChunkSizeTokens");
        yield return new LimitCase(
            "UploadFileBatchAndWaitAsync chunking outside",
            c => c.VectorStores.UploadFileBatchAndWaitAsync("vs_1", new[] { new FileUpload(System.IO.Stream.Null, "a.txt") }, new FileBatchUploadOptions { FileOptions = new VectorStoreFileCreationOptions { ChunkingStrategy = ChunkingStrategy.CreateStatic(100, 51) } }),
            "options.FileOptions.ChunkingStrategy.Static.ChunkOverlapTokens");
    }

    private static IEnumerable<LimitCase> ListCases()
    {
        (string Name, Func<AssistantsApiClient, int?, Task> Call, int Max)[] lists =
        {
            ("Assistants", (c, l) => c.Assistants.ListAsync(new AssistantCollectionOptions { Limit = l }).GetFirstPageAsync(), 100),
            ("Messages", (c, l) => c.Messages.ListAsync("thread_1", new MessageCollectionOptions { Limit = l }).GetFirstPageAsync(), 100),
            ("Runs", (c, l) => c.Runs.ListAsync("thread_1", new RunCollectionOptions { Limit = l }).GetFirstPageAsync(), 100),
            ("RunSteps", (c, l) => c.RunSteps.ListAsync("thread_1", "run_1", new RunStepCollectionOptions { Limit = l }).GetFirstPageAsync(), 100),
            ("VectorStores", (c, l) => c.VectorStores.ListAsync(new VectorStoreCollectionOptions { Limit = l }).GetFirstPageAsync(), 100),
            ("VectorStoreFiles", (c, l) => c.VectorStores.ListFilesAsync("vs_1", new VectorStoreFileCollectionOptions { Limit = l }).GetFirstPageAsync(), 100),
            ("FileBatchFiles", (c, l) => c.VectorStores.ListFileBatchFilesAsync("vs_1", "vsfb_1", new VectorStoreFileCollectionOptions { Limit = l }).GetFirstPageAsync(), 100),
            ("Files", (c, l) => c.Files.ListAsync(new FileCollectionOptions { Limit = l }).GetFirstPageAsync(), 10_000),
        };

        foreach ((string name, Func<AssistantsApiClient, int?, Task> call, int max) in lists)
        {
            yield return new LimitCase($"{name}.ListAsync limit 1 inside", c => call(c, 1), null);
            yield return new LimitCase($"{name}.ListAsync limit {max} inside", c => call(c, max), null);
            yield return new LimitCase($"{name}.ListAsync limit 0 outside", c => call(c, 0), "options.Limit");
            yield return new LimitCase($"{name}.ListAsync limit {max + 1} outside", c => call(c, max + 1), "options.Limit");
        }
    }

    /// <summary>expires_after.days 1 to 365.</summary>
    private static Limit<T>[] ExpirationLimits<T>(Action<T, VectorStoreExpirationPolicy> set) => new Limit<T>[]
    {
        new("expiration low", "ExpiresAfter.Days", o => set(o, new VectorStoreExpirationPolicy(1)), o => set(o, new VectorStoreExpirationPolicy(0))),
        new("expiration high", "ExpiresAfter.Days", o => set(o, new VectorStoreExpirationPolicy(365)), o => set(o, new VectorStoreExpirationPolicy(366))),
    };

    private static List<VectorStoreBatchFile> BatchFiles(int count, ChunkingStrategy? last = null)
        => Ids(count).Select((id, i) => new VectorStoreBatchFile(id) { ChunkingStrategy = i == count - 1 ? last : null }).ToList();
}
