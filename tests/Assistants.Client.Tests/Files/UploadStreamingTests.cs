using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Assistants.Client.Tests.Loopback;
using NUnit.Framework;

namespace Assistants.Client.Tests;

/// <summary>Uploads stream from the caller's stream over real sockets: bounded memory, chunked or with a given length, rewound for a retry only when seekable.</summary>
[TestFixture]
public sealed class UploadStreamingTests
{
    private const string FileJson = """{"object":"file","id":"file-abc","purpose":"assistants","filename":"a.bin","bytes":1,"created_at":1780006017,"status":"processed"}""";
    private const string RateLimited = """{"error":{"message":"Rate limit reached.","type":"requests","param":null,"code":"rate_limit_exceeded"}}""";

    [Test]
    public async Task UploadAsync_200MbNonSeekableWithDefaultOptions_StreamsChunkedWithBoundedMemory()
    {
        const long Size = 200L * 1024 * 1024;
        long received = 0;
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            received = await Faults.DrainBodyAsync(context);
            await Faults.JsonAsync(context, 200, FileJson);
        });
        using HttpClient http = new();
        using AssistantsApiClient client = new(http, new AssistantsClientOptions { BaseUrl = server.BaseUrl, ApiKey = "sk-loopback-0123456789" });
        await client.Files.UploadAsync(new GeneratedStream(1024 * 1024), "warm-up.bin", FilePurpose.Assistants);

        long before = GC.GetTotalAllocatedBytes(true);
        await client.Files.UploadAsync(new GeneratedStream(Size), "big.bin", FilePurpose.Assistants);
        long allocated = GC.GetTotalAllocatedBytes(true) - before;

        TestContext.Out.WriteLine($"200 MiB non-seekable upload: {allocated:N0} bytes allocated in the process (client and loopback server)");
        ReceivedRequest request = server.Requests[^1];
        Assert.Multiple(() =>
        {
            Assert.That(allocated, Is.LessThanOrEqualTo(16L * 1024 * 1024));
            Assert.That(received, Is.GreaterThan(Size).And.LessThan(Size + 1024), "the whole file and the multipart framing arrived");
            Assert.That(request.Headers.TryGetValue("Transfer-Encoding", out string? encoding) ? encoding : null, Is.EqualTo("chunked"));
            Assert.That(request.Headers.ContainsKey("Content-Length"), Is.False);
        });
    }

    [Test]
    public async Task UploadAsync_NonSeekableWithLength_SendsExactContentLength()
    {
        long received = 0;
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            received = await Faults.DrainBodyAsync(context);
            await Faults.JsonAsync(context, 200, FileJson);
        });
        using HttpClient http = new();
        using AssistantsApiClient client = new(http, new AssistantsClientOptions { BaseUrl = server.BaseUrl, ApiKey = "sk-loopback-0123456789" });

        await client.Files.UploadAsync(new GeneratedStream(100_000), "a.bin", FilePurpose.Assistants, new FileUploadOptions { Length = 100_000 });

        ReceivedRequest request = server.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(request.Headers["Content-Length"], Is.EqualTo(received.ToString(System.Globalization.CultureInfo.InvariantCulture)), "the declared length is the body's exact length");
            Assert.That(received, Is.GreaterThan(100_000));
            Assert.That(request.Headers.ContainsKey("Transfer-Encoding"), Is.False);
        });
    }

    [Test]
    public void FileUploadOptions_NegativeLength_IsRejected()
        => Assert.That(() => new FileUploadOptions { Length = -1 }, Throws.InstanceOf<ArgumentOutOfRangeException>());

    [Test]
    public async Task UploadAsync_NonSeekableWithoutLength_GoesChunked()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            await Faults.DrainBodyAsync(context);
            await Faults.JsonAsync(context, 200, FileJson);
        });
        using HttpClient http = new();
        using AssistantsApiClient client = new(http, new AssistantsClientOptions { BaseUrl = server.BaseUrl, ApiKey = "sk-loopback-0123456789" });

        await client.Files.UploadAsync(new GeneratedStream(100_000), "a.bin", FilePurpose.Assistants);

        ReceivedRequest request = server.Requests.Single();
        Assert.That(request.Headers.TryGetValue("Transfer-Encoding", out string? encoding) ? encoding : null, Is.EqualTo("chunked"));
        Assert.That(request.Headers.ContainsKey("Content-Length"), Is.False);
    }

    [Test]
    public async Task UploadAsync_Seekable429Then200_ServerReceivesTheSameFullBodyTwice()
    {
        ConcurrentQueue<(long Length, string Sha256)> bodies = new();
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            bodies.Enqueue(await Faults.HashBodyAsync(context));
            await Faults.JsonAsync(context, bodies.Count == 1 ? 429 : 200, bodies.Count == 1 ? RateLimited : FileJson);
        });
        TimerRecordingTimeProvider time = new();
        using HttpClient http = new();
        using AssistantsApiClient client = CreateFaultTests.NewClient(http, server.BaseUrl, time);
        byte[] file = new byte[300_000];
        new Random(7).NextBytes(file);
        using MemoryStream content = new(file);
        content.Position = 1000;

        Exception? error = await CreateFaultTests.RunAsync(time, client.Files.UploadAsync(content, "a.bin", FilePurpose.Assistants));

        (long Length, string Sha256)[] seen = bodies.ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(error, Is.Null);
            Assert.That(seen, Has.Length.EqualTo(2));
            Assert.That(seen[1], Is.EqualTo(seen[0]), "same length and SHA-256: the stream was rewound to where it started");
            Assert.That(seen[0].Length, Is.GreaterThan(299_000).And.LessThan(299_000 + 1024), "from position 1000, not from 0");
            Assert.That(server.Requests.Select(r => r.Headers["Content-Length"]), Is.All.EqualTo(seen[0].Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        });
    }

    [Test]
    public async Task UploadAsync_NonSeekable429_IsSentOnceAndRaisesTheRateLimitError()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            await Faults.DrainBodyAsync(context);
            await Faults.JsonAsync(context, 429, RateLimited);
        });
        TimerRecordingTimeProvider time = new();
        using HttpClient http = new();
        using AssistantsApiClient client = CreateFaultTests.NewClient(http, server.BaseUrl, time);

        Exception? error = await CreateFaultTests.RunAsync(time, client.Files.UploadAsync(new GeneratedStream(300_000), "a.bin", FilePurpose.Assistants));

        Assert.Multiple(() =>
        {
            Assert.That(error, Is.InstanceOf<RateLimitExceededException>());
            Assert.That(error!.Message, Does.Contain("429").And.Contain("Rate limit reached."));
            Assert.That(server.Count("POST", "/v1/files"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task UploadAsync_NonSeekableConnectionRefused_IsRetriedBecauseNothingWasRead()
    {
        TimerRecordingTimeProvider time = new();
        using AttemptCountingHandler handler = new();
        using HttpClient http = new(handler);
        using AssistantsApiClient client = CreateFaultTests.NewClient(http, LoopbackServer.RefusingBaseUrl(), time);

        Exception? error = await CreateFaultTests.RunAsync(time, client.Files.UploadAsync(new GeneratedStream(300_000), "a.bin", FilePurpose.Assistants));

        Assert.That(error, Is.InstanceOf<HttpRequestException>());
        Assert.That(handler.Attempts, Is.EqualTo(3));
    }
}
