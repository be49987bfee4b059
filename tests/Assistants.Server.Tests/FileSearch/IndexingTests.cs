using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Assistants.Server.Search;
using NUnit.Framework;

namespace Assistants.Server.Tests.FileSearch;

[TestFixture(StoreKind.Memory)]
[TestFixture(StoreKind.Sqlite)]
public sealed class IndexingTests(StoreKind store)
{
    private static readonly string s_words2000 = string.Concat(Enumerable.Repeat(" word", 2000));

    [TestCase("Hello, world!", 4)]
    [TestCase("hello world", 2)]
    [TestCase("", 0)]
    public void TokenCounter_CountsO200kTokens(string text, int expected) =>
        Assert.That(TokenCounter.Count(text), Is.EqualTo(expected));

    [TestCase(800, 400, 4)]
    [TestCase(100, 50, 39)]
    [TestCase(4096, 0, 1)]
    [TestCase(1000, 0, 2)]
    public void Chunker_SplitsIntoOverlappingTokenWindows(int max, int overlap, int expectedChunks)
    {
        Assert.That(TokenCounter.Count(s_words2000), Is.EqualTo(2000));
        List<TextChunk> chunks = TextChunker.Split(s_words2000, max, overlap);
        Assert.That(chunks, Has.Count.EqualTo(expectedChunks));
        Assert.That(chunks.Take(chunks.Count - 1).Select(chunk => chunk.Tokens), Has.All.EqualTo(Math.Min(max, 2000)));
        Assert.That(chunks.Select(chunk => TokenCounter.Count(chunk.Text)), Is.EqualTo(chunks.Select(chunk => chunk.Tokens)));
        Assert.That(chunks[^1].Text, Is.EqualTo(s_words2000[^chunks[^1].Text.Length..]));
    }

    [Test]
    public void Chunker_KeepsTheTextAtTokenBoundaries()
    {
        string text = string.Join(" ", Enumerable.Range(0, 300).Select(i => $"Sentence number {i} ends here."));
        List<TextChunk> chunks = TextChunker.Split(text, 100, 50);
        Assert.That(chunks[0].Text, Does.StartWith("Sentence number 0 ends here."));
        Assert.That(text, Does.EndWith(chunks[^1].Text));
        Assert.That(chunks.Select(chunk => text.Contains(chunk.Text, StringComparison.Ordinal)), Has.All.True);
        Assert.That(chunks.Sum(chunk => chunk.Tokens) - (50 * (chunks.Count - 1)), Is.EqualTo(TokenCounter.Count(text)).Within(50));
    }

    [Test]
    public async Task VectorStore_AnswersInProgress_ThenCompletesWhenIndexingDrains()
    {
        await using TestApi api = TestApi.Create(store: store);
        var release = new TaskCompletionSource();
        api.Server.Indexer.HeldUntil = release.Task;
        string a = await api.Http.UploadAsync("a.md", "# Alpha\nThe alpha document.");
        string b = await api.Http.UploadAsync("b.txt", "The beta document.");

        JsonObject created = await api.PostAsync("vector_stores", $$"""{"name":"docs","file_ids":["{{a}}","{{b}}"]}""");
        Assert.That((string?)created["status"], Is.EqualTo("in_progress"));
        Assert.That(created["file_counts"]!.ToJsonString(), Is.EqualTo("""{"in_progress":2,"completed":0,"failed":0,"cancelled":0,"total":2}"""));
        Assert.That((long)created["usage_bytes"]!, Is.EqualTo(0));
        string id = (string)created["id"]!;
        JsonObject file = await api.GetAsync($"vector_stores/{id}/files/{a}");
        Assert.That((string?)file["status"], Is.EqualTo("in_progress"));
        Assert.That((long)file["usage_bytes"]!, Is.EqualTo(0));

        release.SetResult();
        await api.Server.WaitForIdleAsync();
        JsonObject done = await api.GetAsync($"vector_stores/{id}");
        Assert.That((string?)done["status"], Is.EqualTo("completed"));
        Assert.That(done["file_counts"]!.ToJsonString(), Is.EqualTo("""{"in_progress":0,"completed":2,"failed":0,"cancelled":0,"total":2}"""));
        file = await api.GetAsync($"vector_stores/{id}/files/{a}");
        Assert.That((string?)file["status"], Is.EqualTo("completed"));
        Assert.That((long)file["usage_bytes"]!, Is.EqualTo(Encoding.UTF8.GetByteCount("# Alpha\nThe alpha document.")));
        Assert.That((long)done["usage_bytes"]!, Is.EqualTo((long)file["usage_bytes"]! + Encoding.UTF8.GetByteCount("The beta document.")));
    }

    [Test]
    public async Task Batch_MovesFromInProgressToCompleted_AndAFileThatCannotBeReadFails()
    {
        await using TestApi api = TestApi.Create(store: store);
        var release = new TaskCompletionSource();
        api.Server.Indexer.HeldUntil = release.Task;
        string text = await api.Http.UploadAsync("notes.txt", "Some notes.");
        string pdf = await api.Http.UploadAsync("scan.pdf", "%PDF-1.4 not really");
        string binary = await api.Http.UploadAsync("broken.txt", [0x61, 0xc3, 0x28, 0xa0, 0xa1]);
        string storeId = (string)(await api.PostAsync("vector_stores", """{"name":"empty"}"""))["id"]!;

        JsonObject batch = await api.PostAsync($"vector_stores/{storeId}/file_batches", $$"""{"file_ids":["{{text}}","{{pdf}}","{{binary}}"]}""");
        Assert.That((string?)batch["status"], Is.EqualTo("in_progress"));
        Assert.That((int)batch["file_counts"]!["in_progress"]!, Is.EqualTo(3));
        release.SetResult();
        await api.Server.WaitForIdleAsync();

        batch = await api.GetAsync($"vector_stores/{storeId}/file_batches/{(string)batch["id"]!}");
        Assert.That((string?)batch["status"], Is.EqualTo("completed"));
        Assert.That(batch["file_counts"]!.ToJsonString(), Is.EqualTo("""{"in_progress":0,"completed":1,"failed":2,"cancelled":0,"total":3}"""));
        JsonObject failedPdf = await api.GetAsync($"vector_stores/{storeId}/files/{pdf}");
        Assert.That((string?)failedPdf["status"], Is.EqualTo("failed"));
        Assert.That((string?)failedPdf["last_error"]!["code"], Is.EqualTo("invalid_file"), "not a PDF inside");
        Assert.That((string?)(await api.GetAsync($"vector_stores/{storeId}/files/{binary}"))["last_error"]!["code"], Is.EqualTo("invalid_file"));
        JsonObject failedList = await api.GetAsync($"vector_stores/{storeId}/files?filter=failed");
        Assert.That(failedList["data"]!.AsArray(), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task CancelBatch_CancelsItsWaitingFiles()
    {
        await using TestApi api = TestApi.Create(store: store);
        var release = new TaskCompletionSource();
        api.Server.Indexer.HeldUntil = release.Task;
        string file = await api.Http.UploadAsync("notes.txt", "Some notes.");
        string storeId = (string)(await api.PostAsync("vector_stores", "{}"))["id"]!;
        string batchId = (string)(await api.PostAsync($"vector_stores/{storeId}/file_batches", $$"""{"file_ids":["{{file}}"]}"""))["id"]!;

        JsonObject cancelled = await api.PostAsync($"vector_stores/{storeId}/file_batches/{batchId}/cancel");
        release.SetResult();
        await api.Server.WaitForIdleAsync();

        Assert.That((string?)cancelled["status"], Is.EqualTo("cancelled"));
        Assert.That((int)cancelled["file_counts"]!["cancelled"]!, Is.EqualTo(1));
        Assert.That((string?)(await api.GetAsync($"vector_stores/{storeId}/files/{file}"))["status"], Is.EqualTo("cancelled"));
        Assert.That((string?)(await api.GetAsync($"vector_stores/{storeId}"))["status"], Is.EqualTo("completed"));
    }

    [Test]
    public async Task StaticChunking_IsAppliedAndValidated()
    {
        await using TestApi api = TestApi.Create(store: store);
        string file = await api.Http.UploadAsync("words.txt", s_words2000);
        JsonObject created = await api.PostAsync("vector_stores",
            "{\"file_ids\":[\"" + file + "\"],\"chunking_strategy\":{\"type\":\"static\",\"static\":{\"max_chunk_size_tokens\":100,\"chunk_overlap_tokens\":50}}}");
        await api.Server.WaitForIdleAsync();
        string id = (string)created["id"]!;
        JsonObject attached = await api.GetAsync($"vector_stores/{id}/files/{file}");
        Assert.That(attached["chunking_strategy"]!.ToJsonString(), Is.EqualTo("""{"type":"static","static":{"max_chunk_size_tokens":100,"chunk_overlap_tokens":50}}"""));
        JsonObject results = await api.PostAsync($"vector_stores/{id}/search", """{"query":"word","max_num_results":50}""");
        Assert.That(results["data"]!.AsArray(), Has.Count.EqualTo(39));

        foreach ((string strategy, string param) in new[]
        {
            ("""{"type":"static","static":{"max_chunk_size_tokens":99,"chunk_overlap_tokens":0}}""", "chunking_strategy.static.max_chunk_size_tokens"),
            ("""{"type":"static","static":{"max_chunk_size_tokens":4097,"chunk_overlap_tokens":0}}""", "chunking_strategy.static.max_chunk_size_tokens"),
            ("""{"type":"static","static":{"max_chunk_size_tokens":200,"chunk_overlap_tokens":101}}""", "chunking_strategy.static.chunk_overlap_tokens"),
            ("""{"type":"static","static":{"max_chunk_size_tokens":200}}""", "chunking_strategy.static.chunk_overlap_tokens"),
            ("""{"type":"static"}""", "chunking_strategy.static"),
            ("""{"type":"other"}""", "chunking_strategy.type"),
        })
        {
            var (status, error, _) = await api.SendAsync(HttpMethod.Post, $"vector_stores/{id}/files", "{\"file_id\":\"" + file + "\",\"chunking_strategy\":" + strategy + "}");
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), strategy);
            Assert.That((string?)error["error"]!["param"], Is.EqualTo(param), strategy);
        }
    }
}
