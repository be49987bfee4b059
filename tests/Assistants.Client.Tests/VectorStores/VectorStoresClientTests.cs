using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Assistants.Client.Tests;

[TestFixture]
public sealed class VectorStoresClientTests
{
    internal const string StoreJson = """
        {"id":"vs_1","object":"vector_store","created_at":1758064040,"name":"docs","description":null,"usage_bytes":0,
         "file_counts":{"in_progress":1,"completed":0,"failed":0,"cancelled":0,"total":1},"status":"in_progress",
         "expires_after":{"anchor":"last_active_at","days":7},"expires_at":1758667315,"last_active_at":1758064040,"metadata":{"k":"v"}}
        """;

    internal const string FileJson = """
        {"id":"file-1","object":"vector_store.file","usage_bytes":1045,"created_at":1758064041,"vector_store_id":"vs_1","status":"failed",
         "last_error":{"code":"unsupported_file","message":"nope"},"chunking_strategy":{"type":"static","static":{"max_chunk_size_tokens":800,"chunk_overlap_tokens":400}},"attributes":{"lang":"en","n":3,"ok":true}}
        """;

    internal const string BatchJson = """
        {"id":"vsfb_1","object":"vector_store.file_batch","created_at":1758064116,"status":"in_progress","vector_store_id":"vs_1","file_counts":{"in_progress":2,"completed":0,"failed":0,"cancelled":0,"total":2}}
        """;

    [Test]
    public async Task CreateAsync_WithAllOptions_SendsBody_ParsesStore()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Post, "vector_stores", StoreJson);

        VectorStore store = await wire.Client.VectorStores.CreateAsync(new VectorStoreCreationOptions
        {
            FileIds = new List<string> { "file-1" },
            Name = "docs",
            ChunkingStrategy = ChunkingStrategy.CreateStatic(800, 400),
            ExpiresAfter = new VectorStoreExpirationPolicy(7),
            Metadata = new Dictionary<string, string> { ["k"] = "v" },
        });

        Assert.That(wire.Single.Method, Is.EqualTo(HttpMethod.Post));
        Assert.That(wire.Single.Uri, Is.EqualTo("https://api.test/v1/vector_stores"));
        JsonAssert.AreEquivalent(
            """{"file_ids":["file-1"],"name":"docs","chunking_strategy":{"type":"static","static":{"max_chunk_size_tokens":800,"chunk_overlap_tokens":400}},"expires_after":{"anchor":"last_active_at","days":7},"metadata":{"k":"v"}}""",
            wire.Single.Body!);
        Assert.Multiple(() =>
        {
            Assert.That(store.Id, Is.EqualTo("vs_1"));
            Assert.That(store.Status, Is.EqualTo(VectorStoreStatus.InProgress));
            Assert.That(store.FileCounts!.InProgress, Is.EqualTo(1));
            Assert.That(store.ExpiresAfter!.Days, Is.EqualTo(7));
            Assert.That(store.ExpiresAfter.Anchor, Is.EqualTo(VectorStoreExpirationAnchor.LastActiveAt));
            Assert.That(store.ExpiresAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1758667315)));
            Assert.That(store.Metadata!["k"], Is.EqualTo("v"));
            Assert.That(store.Response!.RequestId, Is.EqualTo("req_test"));
        });
    }

    [Test]
    public async Task CreateAsync_WithAutoChunkingAndNoOptions_SendsMinimalBodies()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Post, "vector_stores", StoreJson);
        wire.Expect(HttpMethod.Post, "vector_stores", StoreJson);

        await wire.Client.VectorStores.CreateAsync();
        await wire.Client.VectorStores.CreateAsync(new VectorStoreCreationOptions { ChunkingStrategy = ChunkingStrategy.CreateAuto() });

        JsonAssert.AreEquivalent("{}", wire.Requests[0].Body!);
        JsonAssert.AreEquivalent("""{"chunking_strategy":{"type":"auto"}}""", wire.Requests[1].Body!);
    }

    [Test]
    public async Task GetAsync_SendsGet()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Get, "vector_stores/vs_1", StoreJson);

        VectorStore store = await wire.Client.VectorStores.GetAsync("vs_1");

        Assert.That(wire.Single.Method, Is.EqualTo(HttpMethod.Get));
        Assert.That(wire.Single.Uri, Is.EqualTo("https://api.test/v1/vector_stores/vs_1"));
        Assert.That(store.Name, Is.EqualTo("docs"));
    }

    [Test]
    public async Task ModifyAsync_SendsOnlyChangedFields()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Post, "vector_stores/vs_1", StoreJson);

        await wire.Client.VectorStores.ModifyAsync("vs_1", new VectorStoreModificationOptions { Name = "renamed" });

        Assert.That(wire.Single.Uri, Is.EqualTo("https://api.test/v1/vector_stores/vs_1"));
        JsonAssert.AreEquivalent("""{"name":"renamed"}""", wire.Single.Body!);
    }

    [Test]
    public async Task DeleteAsync_SendsDelete()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Delete, "vector_stores/vs_1", """{"id":"vs_1","object":"vector_store.deleted","deleted":true}""");

        DeletionResult result = await wire.Client.VectorStores.DeleteAsync("vs_1");

        Assert.That(wire.Single.Method, Is.EqualTo(HttpMethod.Delete));
        Assert.That(result.Deleted, Is.True);
        Assert.That(result.Object, Is.EqualTo("vector_store.deleted"));
    }

    [Test]
    public async Task ListAsync_WithOrder_SendsQueryAndFollowsCursor()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Get, "vector_stores?limit=1&order=desc", """{"object":"list","data":[{"id":"vs_2","created_at":2,"status":"completed"}],"first_id":"vs_2","last_id":"vs_2","has_more":true}""");
        wire.Expect(HttpMethod.Get, "vector_stores?limit=1&order=desc&after=vs_2", """{"object":"list","data":[{"id":"vs_1","created_at":1,"status":"expired"}],"first_id":"vs_1","last_id":"vs_1","has_more":false}""");

        var stores = await wire.Client.VectorStores.ListAsync(new VectorStoreCollectionOptions { Limit = 1, Order = ListOrder.Descending }).ToListAsync();

        Assert.That(stores.Select(s => s.Id), Is.EqualTo(new[] { "vs_2", "vs_1" }));
        Assert.That(stores[1].Status, Is.EqualTo(VectorStoreStatus.Expired));
    }

    [Test]
    public async Task AddFileAsync_WithChunkingAndAttributes_SendsBody_ParsesFile()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Post, "vector_stores/vs_1/files", FileJson);
        using JsonDocument attributes = JsonDocument.Parse("""{"lang":"en","n":3}""");

        VectorStoreFile file = await wire.Client.VectorStores.AddFileAsync("vs_1", "file-1", new VectorStoreFileCreationOptions
        {
            ChunkingStrategy = ChunkingStrategy.CreateStatic(800, 400),
            Attributes = attributes.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()),
        });

        Assert.That(wire.Single.Uri, Is.EqualTo("https://api.test/v1/vector_stores/vs_1/files"));
        JsonAssert.AreEquivalent(
            """{"file_id":"file-1","chunking_strategy":{"type":"static","static":{"max_chunk_size_tokens":800,"chunk_overlap_tokens":400}},"attributes":{"lang":"en","n":3}}""",
            wire.Single.Body!);
        Assert.Multiple(() =>
        {
            Assert.That(file.Status, Is.EqualTo(VectorStoreFileStatus.Failed));
            Assert.That(file.Status?.IsTerminal, Is.True);
            Assert.That(file.LastError!.Code, Is.EqualTo(VectorStoreFileErrorCode.UnsupportedFile));
            Assert.That(file.ChunkingStrategy, Is.InstanceOf<StaticChunkingStrategy>());
            Assert.That(((StaticChunkingStrategy)file.ChunkingStrategy!).Static!.MaxChunkSizeTokens, Is.EqualTo(800));
            Assert.That(file.Attributes!["n"].GetInt32(), Is.EqualTo(3));
            Assert.That(file.Attributes["ok"].GetBoolean(), Is.True);
            Assert.That(file.UsageBytes, Is.EqualTo(1045));
        });
    }

    [Test]
    public async Task AddFileAsync_WithoutOptions_SendsOnlyFileId()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Post, "vector_stores/vs_1/files", FileJson);

        await wire.Client.VectorStores.AddFileAsync("vs_1", "file-1");

        JsonAssert.AreEquivalent("""{"file_id":"file-1"}""", wire.Single.Body!);
    }

    [Test]
    public async Task GetFileAsync_SendsGet()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Get, "vector_stores/vs_1/files/file-1", FileJson);

        VectorStoreFile file = await wire.Client.VectorStores.GetFileAsync("vs_1", "file-1");

        Assert.That(wire.Single.Method, Is.EqualTo(HttpMethod.Get));
        Assert.That(file.VectorStoreId, Is.EqualTo("vs_1"));
    }

    [Test]
    public async Task UpdateFileAttributesAsync_SendsAttributes()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Post, "vector_stores/vs_1/files/file-1", FileJson);
        wire.Expect(HttpMethod.Post, "vector_stores/vs_1/files/file-1", FileJson);

        await wire.Client.VectorStores.UpdateFileAttributesAsync("vs_1", "file-1", new Dictionary<string, JsonElement> { ["lang"] = JsonDocument.Parse("\"de\"").RootElement });
        await wire.Client.VectorStores.UpdateFileAttributesAsync("vs_1", "file-1", null);

        JsonAssert.AreEquivalent("""{"attributes":{"lang":"de"}}""", wire.Requests[0].Body!);
        Assert.That(wire.Requests[1].Body, Is.EqualTo("""{"attributes":null}"""));
    }

    [Test]
    public async Task RemoveFileAsync_SendsDelete()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Delete, "vector_stores/vs_1/files/file-1", """{"id":"file-1","object":"vector_store.file.deleted","deleted":true}""");

        DeletionResult result = await wire.Client.VectorStores.RemoveFileAsync("vs_1", "file-1");

        Assert.That(wire.Single.Method, Is.EqualTo(HttpMethod.Delete));
        Assert.That(result.Deleted, Is.True);
    }

    [Test]
    public async Task ListFilesAsync_WithFilter_SendsQuery()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Get, "vector_stores/vs_1/files?limit=2&filter=completed", """{"object":"list","data":[],"has_more":false}""");

        var files = await wire.Client.VectorStores.ListFilesAsync("vs_1", new VectorStoreFileCollectionOptions { Limit = 2, Filter = VectorStoreFileStatus.Completed }).ToListAsync();

        Assert.That(files, Is.Empty);
        Assert.That(wire.Single.Uri, Is.EqualTo("https://api.test/v1/vector_stores/vs_1/files?limit=2&filter=completed"));
    }

    [Test]
    public async Task CreateFileBatchAsync_SendsFileIdsAndOptions()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Post, "vector_stores/vs_1/file_batches", BatchJson);

        VectorStoreFileBatch batch = await wire.Client.VectorStores.CreateFileBatchAsync("vs_1", new[] { "file-1", "file-2" }, new VectorStoreFileCreationOptions { ChunkingStrategy = ChunkingStrategy.CreateAuto() });

        Assert.That(wire.Single.Uri, Is.EqualTo("https://api.test/v1/vector_stores/vs_1/file_batches"));
        JsonAssert.AreEquivalent("""{"file_ids":["file-1","file-2"],"chunking_strategy":{"type":"auto"}}""", wire.Single.Body!);
        Assert.That(batch.Status, Is.EqualTo(VectorStoreFileBatchStatus.InProgress));
        Assert.That(batch.FileCounts!.Total, Is.EqualTo(2));
    }

    [Test]
    public void CreateFileBatchAsync_WithNoIds_ThrowsBeforeSending()
    {
        using Wire wire = new();

        ArgumentException error = Assert.ThrowsAsync<ArgumentException>(() => wire.Client.VectorStores.CreateFileBatchAsync("vs_1", Array.Empty<string>()))!;

        Assert.That(error.ParamName, Is.EqualTo("fileIds"));
        Assert.That(wire.Requests, Is.Empty);
    }

    [Test]
    public async Task CreateFileBatchAsync_WithPerFileSettings_SendsFilesForm()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Post, "vector_stores/vs_1/file_batches", BatchJson);
        using JsonDocument lang = JsonDocument.Parse("\"en\"");

        VectorStoreFileBatch batch = await wire.Client.VectorStores.CreateFileBatchAsync("vs_1", new[]
        {
            new VectorStoreBatchFile("file-1") { ChunkingStrategy = ChunkingStrategy.CreateStatic(800, 400), Attributes = new Dictionary<string, JsonElement> { ["lang"] = lang.RootElement } },
            new VectorStoreBatchFile("file-2"),
        });

        Assert.That(wire.Single.Uri, Is.EqualTo("https://api.test/v1/vector_stores/vs_1/file_batches"));
        JsonAssert.AreEquivalent(
            """{"files":[{"file_id":"file-1","chunking_strategy":{"type":"static","static":{"max_chunk_size_tokens":800,"chunk_overlap_tokens":400}},"attributes":{"lang":"en"}},{"file_id":"file-2"}]}""",
            wire.Single.Body!);
        Assert.That(batch.Id, Is.EqualTo("vsfb_1"));
    }

    [Test]
    public void CreateFileBatchAsync_WithBadFiles_ThrowsBeforeSending()
    {
        using Wire wire = new();

        Assert.That(() => wire.Client.VectorStores.CreateFileBatchAsync("vs_1", Array.Empty<VectorStoreBatchFile>()), Throws.ArgumentException.With.Property("ParamName").EqualTo("files"));
        Assert.That(() => wire.Client.VectorStores.CreateFileBatchAsync("vs_1", new VectorStoreBatchFile[] { null! }), Throws.ArgumentException.With.Property("ParamName").EqualTo("files"));
        Assert.That(() => wire.Client.VectorStores.CreateFileBatchAsync("vs_1", new[] { new VectorStoreBatchFile("f") { FileId = "" } }), Throws.ArgumentException.With.Property("ParamName").EqualTo("files"));
        Assert.That(() => new VectorStoreBatchFile(""), Throws.ArgumentException.With.Property("ParamName").EqualTo("fileId"));
        Assert.That(wire.Requests, Is.Empty);
    }

    [Test]
    public async Task GetFileBatchAsync_SendsGet()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Get, "vector_stores/vs_1/file_batches/vsfb_1", BatchJson);

        VectorStoreFileBatch batch = await wire.Client.VectorStores.GetFileBatchAsync("vs_1", "vsfb_1");

        Assert.That(wire.Single.Method, Is.EqualTo(HttpMethod.Get));
        Assert.That(batch.Id, Is.EqualTo("vsfb_1"));
    }

    [Test]
    public async Task CancelFileBatchAsync_SendsPostWithoutBody()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Post, "vector_stores/vs_1/file_batches/vsfb_1/cancel", BatchJson.Replace("\"in_progress\",\"vector", "\"cancelling\",\"vector", StringComparison.Ordinal));

        VectorStoreFileBatch batch = await wire.Client.VectorStores.CancelFileBatchAsync("vs_1", "vsfb_1");

        Assert.That(wire.Single.Method, Is.EqualTo(HttpMethod.Post));
        Assert.That(wire.Single.Body, Is.Null);
        Assert.That(batch.Status.ToString(), Is.EqualTo("cancelling"));
        Assert.That(batch.Status?.IsTerminal, Is.True, "an unknown status is not in_progress");
    }

    [Test]
    public async Task ListFileBatchFilesAsync_WithFilter_ParsesSparseFiles()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Get, "vector_stores/vs_1/file_batches/vsfb_1/files?order=asc&filter=completed", """{"object":"list","data":[{"id":"file-1","object":"vector_store.file","created_at":1,"vector_store_id":"vs_1","status":"completed","last_error":null}],"first_id":"file-1","last_id":"file-1","has_more":false}""");

        var files = await wire.Client.VectorStores.ListFileBatchFilesAsync("vs_1", "vsfb_1", new VectorStoreFileCollectionOptions { Order = ListOrder.Ascending, Filter = VectorStoreFileStatus.Completed }).ToListAsync();

        Assert.That(files, Has.Count.EqualTo(1));
        Assert.That(files[0].UsageBytes, Is.Null);
        Assert.That(files[0].ChunkingStrategy, Is.Null);
        Assert.That(files[0].Attributes, Is.Null);
    }

    [Test]
    public void ChunkingStrategy_UnknownType_RoundTripsVerbatim()
    {
        const string json = """{"id":"f","created_at":1,"status":"completed","chunking_strategy":{"type":"semantic","semantic":{"x":1}}}""";
        VectorStoreFile file = JsonSerializer.Deserialize(json, Serialization.AssistantsJsonContext.Default.VectorStoreFile)!;

        Assert.That(file.ChunkingStrategy, Is.InstanceOf<UnknownChunkingStrategy>());
        Assert.That(file.ChunkingStrategy!.Type.ToString(), Is.EqualTo("semantic"));
        JsonAssert.AreEquivalent(json, JsonSerializer.Serialize(file, Serialization.AssistantsJsonContext.Default.VectorStoreFile));
    }

    [Test]
    public void ChunkingStrategy_Other_ParsesAsOther()
    {
        VectorStoreFile file = JsonSerializer.Deserialize("""{"id":"f","created_at":1,"status":"completed","chunking_strategy":{"type":"other"}}""", Serialization.AssistantsJsonContext.Default.VectorStoreFile)!;

        Assert.That(file.ChunkingStrategy, Is.InstanceOf<OtherChunkingStrategy>());
        Assert.That(file.ChunkingStrategy!.Type, Is.EqualTo(ChunkingStrategyKind.Other));
    }

    [TestCase(null, "x")]
    [TestCase("", "x")]
    [TestCase("vs_1", null)]
    [TestCase("vs_1", "")]
    public void FileOperations_WithMissingIds_ThrowBeforeSending(string? vectorStoreId, string? fileId)
    {
        using Wire wire = new();
        string expected = string.IsNullOrEmpty(vectorStoreId) ? "vectorStoreId" : "fileId";

        ArgumentException? error = Assert.ThrowsAsync(Is.InstanceOf<ArgumentException>(), () => wire.Client.VectorStores.GetFileAsync(vectorStoreId!, fileId!)) as ArgumentException;

        Assert.That(error!.ParamName, Is.EqualTo(expected));
        Assert.That(wire.Requests, Is.Empty);
    }
}
