using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Assistants.Client.Tests;

[TestFixture]
public sealed class VectorStoreWaiterTests
{
    private static readonly TimeSpan s_guard = TimeSpan.FromSeconds(10);

    [Test]
    public async Task WaitForFileAsync_PollsAtTheIntervalAndHonoursPollAfter_UntilCompleted()
    {
        using Wire wire = new();
        ExpectFile(wire, "in_progress");
        ExpectFile(wire, "in_progress", pollAfterMs: "500");
        ExpectFile(wire, "completed");
        SignalingTimeProvider clock = new();

        Task<VectorStoreFile> wait = wire.Client.VectorStores.WaitForFileAsync("vs_1", "file-1", new VectorStorePollingOptions { Interval = TimeSpan.FromSeconds(2), TimeProvider = clock });

        Assert.That(await clock.NextTimerAsync(), Is.EqualTo(TimeSpan.FromSeconds(2)));
        Assert.That(wire.Requests, Has.Count.EqualTo(1));
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.That(await clock.NextTimerAsync(), Is.EqualTo(TimeSpan.FromMilliseconds(500)), "openai-poll-after-ms replaces the interval");
        Assert.That(wire.Requests, Has.Count.EqualTo(2));
        clock.Advance(TimeSpan.FromMilliseconds(500));
        VectorStoreFile file = await wait.WaitAsync(s_guard);

        Assert.That(file.Status, Is.EqualTo(VectorStoreFileStatus.Completed));
        Assert.That(wire.Requests.Select(r => r.Uri).Distinct(), Is.EqualTo(new[] { "https://api.test/v1/vector_stores/vs_1/files/file-1" }));
        Assert.That(wire.Requests, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task WaitForFileAsync_WhenAlreadyFailed_ReturnsAfterOneCall()
    {
        using Wire wire = new();
        ExpectFile(wire, "failed");

        VectorStoreFile file = await wire.Client.VectorStores.WaitForFileAsync("vs_1", "file-1", new VectorStorePollingOptions { TimeProvider = new SignalingTimeProvider() }).WaitAsync(s_guard);

        Assert.That(file.Status, Is.EqualTo(VectorStoreFileStatus.Failed));
        Assert.That(wire.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task WaitForFileAsync_PastMaximumWait_ThrowsTimeout()
    {
        using Wire wire = new();
        wire.Mock.When(HttpMethod.Get, Wire.BaseUrl + "vector_stores/vs_1/files/file-1").Respond("application/json", FileJson("in_progress"));
        SignalingTimeProvider clock = new();

        Task<VectorStoreFile> wait = wire.Client.VectorStores.WaitForFileAsync("vs_1", "file-1", new VectorStorePollingOptions
        {
            Interval = TimeSpan.FromSeconds(2),
            MaximumWait = TimeSpan.FromSeconds(3),
            TimeProvider = clock,
        });

        Assert.That(await clock.NextTimerAsync(), Is.EqualTo(TimeSpan.FromSeconds(2)));
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.That(await clock.NextTimerAsync(), Is.EqualTo(TimeSpan.FromSeconds(1)), "the last wait is cut to the time left");
        clock.Advance(TimeSpan.FromSeconds(1));

        TimeoutException error = Assert.ThrowsAsync<TimeoutException>(() => wait.WaitAsync(s_guard))!;
        Assert.That(error.Message, Does.Contain("file-1").And.Contain("in_progress"));
        Assert.That(wire.Requests, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task WaitForFileBatchAsync_WhenCancelled_StopsWaiting()
    {
        using Wire wire = new();
        wire.Mock.When(HttpMethod.Get, Wire.BaseUrl + "vector_stores/vs_1/file_batches/vsfb_1").Respond("application/json", VectorStoresClientTests.BatchJson);
        SignalingTimeProvider clock = new();
        using CancellationTokenSource cancellation = new();

        Task<VectorStoreFileBatch> wait = wire.Client.VectorStores.WaitForFileBatchAsync("vs_1", "vsfb_1", new VectorStorePollingOptions { TimeProvider = clock }, cancellation.Token);
        Assert.That(await clock.NextTimerAsync(), Is.EqualTo(TimeSpan.FromSeconds(1)), "the default interval");
        cancellation.Cancel();

        Assert.That(() => wait.WaitAsync(s_guard), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(wire.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task WaitForFileBatchAsync_ReturnsTheFinalBatch()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Get, "vector_stores/vs_1/file_batches/vsfb_1", VectorStoresClientTests.BatchJson);
        wire.Expect(HttpMethod.Get, "vector_stores/vs_1/file_batches/vsfb_1", VectorStoresClientTests.BatchJson.Replace("\"in_progress\",\"vector", "\"completed\",\"vector", StringComparison.Ordinal));
        SignalingTimeProvider clock = new();

        Task<VectorStoreFileBatch> wait = wire.Client.VectorStores.WaitForFileBatchAsync("vs_1", "vsfb_1", new VectorStorePollingOptions { TimeProvider = clock });
        await clock.NextTimerAsync();
        clock.Advance(TimeSpan.FromSeconds(1));
        VectorStoreFileBatch batch = await wait.WaitAsync(s_guard);

        Assert.That(batch.Status, Is.EqualTo(VectorStoreFileBatchStatus.Completed));
        Assert.That(wire.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public void PollingOptions_RejectNegativeTimes()
    {
        VectorStorePollingOptions options = new();

        Assert.Throws<ArgumentOutOfRangeException>(() => options.Interval = TimeSpan.FromSeconds(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => options.MaximumWait = TimeSpan.FromSeconds(-1));
        Assert.That(options.MaximumWait, Is.Null);
        Assert.That(options.TimeProvider, Is.SameAs(TimeProvider.System));
    }

    [Test]
    public async Task UploadFileBatchAndWaitAsync_UploadsEachFile_CreatesOneBatch_AndWaits()
    {
        using Wire wire = new();
        wire.Mock.When(HttpMethod.Post, Wire.BaseUrl + "files").Respond(async request =>
        {
            string body = await request.Content!.ReadAsStringAsync();
            string id = body.Contains("filename=\"b.txt\"", StringComparison.Ordinal) ? "file-b" : "file-a";
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent($$"""{"id":"{{id}}","object":"file","created_at":1,"purpose":"assistants"}""", System.Text.Encoding.UTF8, "application/json") };
        });
        wire.Mock.When(HttpMethod.Post, Wire.BaseUrl + "vector_stores/vs_1/file_batches").Respond("application/json", VectorStoresClientTests.BatchJson);
        wire.Mock.When(HttpMethod.Get, Wire.BaseUrl + "vector_stores/vs_1/file_batches/vsfb_1").Respond("application/json", VectorStoresClientTests.BatchJson.Replace("\"in_progress\",\"vector", "\"completed\",\"vector", StringComparison.Ordinal));

        VectorStoreFileBatch batch = await wire.Client.VectorStores.UploadFileBatchAndWaitAsync(
            "vs_1",
            new[] { new FileUpload(new System.IO.MemoryStream(new byte[] { 1 }), "a.txt"), new FileUpload(new System.IO.MemoryStream(new byte[] { 2 }), "b.txt") { ContentType = "text/plain" } },
            new FileBatchUploadOptions { FileOptions = new VectorStoreFileCreationOptions { ChunkingStrategy = ChunkingStrategy.CreateAuto() }, Polling = new VectorStorePollingOptions { TimeProvider = new SignalingTimeProvider() } }).WaitAsync(s_guard);

        Assert.That(batch.Status, Is.EqualTo(VectorStoreFileBatchStatus.Completed));
        List<CapturedRequest> uploads = wire.Requests.Where(r => r.Uri.EndsWith("/files", StringComparison.Ordinal)).ToList();
        Assert.That(uploads, Has.Count.EqualTo(2));
        Assert.That(uploads.All(u => u.Body!.Contains("name=\"purpose\"\r\n\r\nassistants\r\n", StringComparison.Ordinal)), Is.True);
        CapturedRequest create = wire.Requests.Single(r => r.Uri.EndsWith("/file_batches", StringComparison.Ordinal));
        JsonAssert.AreEquivalent("""{"file_ids":["file-a","file-b"],"chunking_strategy":{"type":"auto"}}""", create.Body!);
        Assert.That(wire.Requests.Last().Method, Is.EqualTo(HttpMethod.Get));
    }

    [Test]
    public void UploadFileBatchAndWaitAsync_WhenAnUploadFails_CreatesNoBatch()
    {
        using Wire wire = new();
        wire.Mock.When(HttpMethod.Post, Wire.BaseUrl + "files").Respond(HttpStatusCode.BadRequest, "application/json", """{"error":{"message":"bad file","type":"invalid_request_error","param":null,"code":null}}""");

        AssistantsApiException error = Assert.ThrowsAsync<AssistantsApiException>(() => wire.Client.VectorStores.UploadFileBatchAndWaitAsync(
            "vs_1",
            new[] { new FileUpload(new System.IO.MemoryStream(new byte[] { 1 }), "a.txt") }))!;

        Assert.That(error.Error!.Message, Is.EqualTo("bad file"));
        Assert.That(wire.Requests.Any(r => r.Uri.Contains("file_batches", StringComparison.Ordinal)), Is.False);
    }

    [Test]
    public void UploadFileBatchAndWaitAsync_WithNoFiles_ThrowsBeforeSending()
    {
        using Wire wire = new();

        ArgumentException error = Assert.ThrowsAsync<ArgumentException>(() => wire.Client.VectorStores.UploadFileBatchAndWaitAsync("vs_1", Array.Empty<FileUpload>()))!;

        Assert.That(error.ParamName, Is.EqualTo("files"));
        Assert.That(wire.Requests, Is.Empty);
        Assert.Throws<ArgumentNullException>(() => _ = new FileUpload(null!, "a.txt"));
        Assert.Throws<ArgumentException>(() => _ = new FileUpload(System.IO.Stream.Null, string.Empty));
    }

    private static string FileJson(string status)
        => $$"""{"id":"file-1","object":"vector_store.file","created_at":1,"vector_store_id":"vs_1","status":"{{status}}","last_error":null}""";

    private static void ExpectFile(Wire wire, string status, string? pollAfterMs = null)
    {
        Dictionary<string, string> headers = new() { ["x-request-id"] = "req_test" };
        if (pollAfterMs is not null)
        {
            headers["openai-poll-after-ms"] = pollAfterMs;
        }

        wire.Expect(HttpMethod.Get, "vector_stores/vs_1/files/file-1", FileJson(status), HttpStatusCode.OK, headers);
    }

    /// <summary>A fake clock that reports each timer the code under test starts, so a test advances time only once the wait has begun.</summary>
    private sealed class SignalingTimeProvider : FakeTimeProvider
    {
        private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

        public async Task<TimeSpan> NextTimerAsync() => await _timers.Reader.ReadAsync().AsTask().WaitAsync(s_guard);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            ITimer timer = base.CreateTimer(callback, state, dueTime, period);
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                _timers.Writer.TryWrite(dueTime);
            }

            return timer;
        }
    }
}
