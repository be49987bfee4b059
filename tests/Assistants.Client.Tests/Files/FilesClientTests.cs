using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Assistants.Client.Tests;

[TestFixture]
public sealed class FilesClientTests
{
    private const string FileJson = """
        {"object":"file","id":"file-abc","purpose":"assistants","filename":"你好.txt","bytes":33,"created_at":1780006017,"expires_at":null,"status":"processed","status_details":null}
        """;

    [Test]
    public async Task UploadAsync_WithNonAsciiName_SendsExactMultipartBody()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Post, "files", FileJson);
        using MemoryStream content = new(Encoding.UTF8.GetBytes("hello"));

        StoredFile file = await wire.Client.Files.UploadAsync(content, "你好 \"q\".txt", FilePurpose.Assistants);

        CapturedRequest request = wire.Single;
        string boundary = Boundary(request);
        string expected =
            $"--{boundary}\r\n" +
            "Content-Disposition: form-data; name=\"purpose\"\r\n\r\n" +
            "assistants\r\n" +
            $"--{boundary}\r\n" +
            "Content-Disposition: form-data; name=\"file\"; filename=\"你好 %22q%22.txt\"; filename*=UTF-8''%E4%BD%A0%E5%A5%BD%20%22q%22.txt\r\n" +
            "Content-Type: application/octet-stream\r\n\r\n" +
            "hello\r\n" +
            $"--{boundary}--\r\n";
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo(HttpMethod.Post));
            Assert.That(request.Uri, Is.EqualTo("https://api.test/v1/files"));
            Assert.That(request.ContentType, Is.EqualTo("multipart/form-data; boundary=" + boundary));
            Assert.That(boundary, Does.Match("^[0-9A-Za-z-]{20,70}$"));
            Assert.That(request.Body, Is.EqualTo(expected));
            Assert.That(request.Headers["Content-Length"], Is.EqualTo(Encoding.UTF8.GetByteCount(expected).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(file.Id, Is.EqualTo("file-abc"));
            Assert.That(file.FileName, Is.EqualTo("你好.txt"));
            Assert.That(file.Purpose, Is.EqualTo(FilePurpose.Assistants));
            Assert.That(file.Status, Is.EqualTo(FileStatus.Processed));
            Assert.That(file.SizeInBytes, Is.EqualTo(33));
            Assert.That(file.CreatedAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1780006017)));
            Assert.That(file.ExpiresAt, Is.Null);
            Assert.That(file.Response!.RequestId, Is.EqualTo("req_test"));
        });
    }

    [Test]
    public async Task UploadAsync_WithAsciiName_OmitsFilenameStar()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Post, "files", FileJson);

        await wire.Client.Files.UploadAsync(Encoding.UTF8.GetBytes("x"), "notes.md", FilePurpose.Assistants, new FileUploadOptions { ContentType = "text/markdown" });

        Assert.That(wire.Single.Body, Does.Contain("Content-Disposition: form-data; name=\"file\"; filename=\"notes.md\"\r\nContent-Type: text/markdown\r\n\r\nx\r\n"));
    }

    [Test]
    public async Task UploadAsync_WithUnknownPurposeAndExpiry_SendsFieldsAsTheyAre()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Post, "files", FileJson);

        await wire.Client.Files.UploadAsync(new byte[] { 1, 2 }, "a.bin", "world_domination", new FileUploadOptions { ExpiresAfter = TimeSpan.FromHours(2) });

        string body = wire.Single.Body!;
        Assert.That(body, Does.Contain("name=\"purpose\"\r\n\r\nworld_domination\r\n"));
        Assert.That(body, Does.Contain("name=\"expires_after[anchor]\"\r\n\r\ncreated_at\r\n"));
        Assert.That(body, Does.Contain("name=\"expires_after[seconds]\"\r\n\r\n7200\r\n"));
    }

    [Test]
    public async Task UploadAsync_StreamsFromCurrentPosition()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Post, "files", FileJson);
        using MemoryStream content = new(Encoding.ASCII.GetBytes("skipKEEP"));
        content.Position = 4;

        await wire.Client.Files.UploadAsync(content, "a.txt", FilePurpose.Assistants);

        Assert.That(wire.Single.Body, Does.Contain("\r\n\r\nKEEP\r\n--"));
        Assert.That(wire.Single.Body, Does.Not.Contain("skip"));
    }

    [Test]
    public void UploadAsync_WithNullStream_ThrowsBeforeSending()
    {
        using Wire wire = new();

        ArgumentException error = Assert.ThrowsAsync<ArgumentNullException>(() => wire.Client.Files.UploadAsync((Stream)null!, "a.txt", FilePurpose.Assistants))!;

        Assert.That(error.ParamName, Is.EqualTo("content"));
        Assert.That(wire.Requests, Is.Empty);
    }

    [TestCase(null)]
    [TestCase("")]
    public void UploadAsync_WithMissingFileName_ThrowsBeforeSending(string? fileName)
    {
        using Wire wire = new();
        using MemoryStream content = new(new byte[1]);

        ArgumentException? error = Assert.ThrowsAsync(Is.InstanceOf<ArgumentException>(), () => wire.Client.Files.UploadAsync(content, fileName!, FilePurpose.Assistants)) as ArgumentException;

        Assert.That(error!.ParamName, Is.EqualTo("fileName"));
        Assert.That(wire.Requests, Is.Empty);
    }

    [Test]
    public void UploadAsync_WithDefaultPurpose_ThrowsBeforeSending()
    {
        using Wire wire = new();

        ArgumentException error = Assert.ThrowsAsync<ArgumentException>(() => wire.Client.Files.UploadAsync(new byte[1], "a.txt", default))!;

        Assert.That(error.ParamName, Is.EqualTo("purpose"));
        Assert.That(wire.Requests, Is.Empty);
    }

    [Test]
    public void UploadAsync_WhenServerRefuses_KeepsTheSiblingDetailInTheRawBody()
    {
        using Wire wire = new();
        const string errorJson = """
            {"error":{"message":"'world_domination' is not one of ['fine-tune', 'assistants'] - 'purpose'","type":"invalid_request_error","param":"purpose","code":null},
             "detail":{"message":"'world_domination' is not one of ['fine-tune', 'assistants'] - 'purpose'","code":null}}
            """;
        wire.Expect(HttpMethod.Post, "files", errorJson, HttpStatusCode.BadRequest);

        AssistantsApiException error = Assert.ThrowsAsync<AssistantsApiException>(() => wire.Client.Files.UploadAsync(new byte[1], "a.txt", "world_domination"))!;

        using JsonDocument raw = JsonDocument.Parse(error.RawBody!);
        Assert.Multiple(() =>
        {
            Assert.That(error.Status, Is.EqualTo(400));
            Assert.That(error.Param, Is.EqualTo("purpose"));
            Assert.That(error.ErrorType, Is.EqualTo("invalid_request_error"));
            Assert.That(error.Error!.Message, Does.StartWith("'world_domination' is not one of"));
            Assert.That(raw.RootElement.GetProperty("detail").GetProperty("message").GetString(), Is.EqualTo(error.Error.Message));
        });
    }

    [Test]
    public async Task GetAsync_SendsGet_ParsesFile()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Get, "files/file-abc", FileJson);

        StoredFile file = await wire.Client.Files.GetAsync("file-abc");

        Assert.That(wire.Single.Method, Is.EqualTo(HttpMethod.Get));
        Assert.That(wire.Single.Uri, Is.EqualTo("https://api.test/v1/files/file-abc"));
        Assert.That(file.Id, Is.EqualTo("file-abc"));
    }

    [Test]
    public void GetAsync_WhenMissing_ThrowsNotFoundWithDetail()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Get, "files/fake_id", """{"error":{"message":"No such File object: fake_id","type":"invalid_request_error","param":"id","code":null},"detail":{"message":"No such File object: fake_id","code":null}}""", HttpStatusCode.NotFound);

        ResourceNotFoundException error = Assert.ThrowsAsync<ResourceNotFoundException>(() => wire.Client.Files.GetAsync("fake_id"))!;

        Assert.That(error.Error!.Message, Is.EqualTo("No such File object: fake_id"));
        Assert.That(error.RawBody, Does.Contain("\"detail\""));
    }

    [Test]
    public async Task DeleteAsync_SendsDelete_ParsesResult()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Delete, "files/file-abc", """{"object":"file","deleted":true,"id":"file-abc"}""");

        DeletionResult result = await wire.Client.Files.DeleteAsync("file-abc");

        Assert.That(wire.Single.Method, Is.EqualTo(HttpMethod.Delete));
        Assert.That(wire.Single.Uri, Is.EqualTo("https://api.test/v1/files/file-abc"));
        Assert.That(result.Deleted, Is.True);
        Assert.That(result.Id, Is.EqualTo("file-abc"));
    }

    [Test]
    public async Task ListAsync_WithPurposeLimitOrderAfter_SendsQueryAndFollowsCursor()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Get, "files?limit=2&order=asc&after=file-0&purpose=assistants", """{"object":"list","data":[{"id":"file-1","created_at":1,"purpose":"assistants"},{"id":"file-2","created_at":2,"purpose":"batch_output"}],"first_id":"file-1","last_id":"file-2","has_more":true}""");
        wire.Expect(HttpMethod.Get, "files?limit=2&order=asc&after=file-2&purpose=assistants", """{"object":"list","data":[{"id":"file-3","created_at":3,"purpose":"assistants"}],"has_more":false}""");

        var files = await wire.Client.Files.ListAsync(new FileCollectionOptions { Purpose = FilePurpose.Assistants, Limit = 2, Order = ListOrder.Ascending, After = "file-0" }).ToListAsync();

        Assert.That(files.Select(f => f.Id), Is.EqualTo(new[] { "file-1", "file-2", "file-3" }));
        Assert.That(files[1].Purpose, Is.EqualTo(FilePurpose.BatchOutput));
        Assert.That(wire.Requests.Select(r => r.Uri), Is.EqualTo(new[]
        {
            "https://api.test/v1/files?limit=2&order=asc&after=file-0&purpose=assistants",
            "https://api.test/v1/files?limit=2&order=asc&after=file-2&purpose=assistants",
        }));
    }

    [Test]
    public async Task ListAsync_AcceptsTheLargerFilesLimit()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Get, "files?limit=10000", """{"object":"list","data":[],"has_more":false}""");

        var files = await wire.Client.Files.ListAsync(new FileCollectionOptions { Limit = 10_000 }).ToListAsync();

        Assert.That(files, Is.Empty);
        Assert.Throws<ArgumentOutOfRangeException>(() => wire.Client.Files.ListAsync(new FileCollectionOptions { Limit = 10_001 }));
    }

    [Test]
    public async Task DownloadAsync_SendsGet_StreamsContentWithResponseDetails()
    {
        using Wire wire = new();
        wire.Mock.Expect(HttpMethod.Get, Wire.BaseUrl + "files/file-abc/content")
            .Respond(HttpStatusCode.OK, new[] { new System.Collections.Generic.KeyValuePair<string, string>("x-request-id", "req_dl") }, "text/plain", "file body");

        using FileContentStream stream = await wire.Client.Files.DownloadAsync("file-abc");
        using StreamReader reader = new(stream);

        Assert.That(await reader.ReadToEndAsync(), Is.EqualTo("file body"));
        Assert.That(wire.Single.Uri, Is.EqualTo("https://api.test/v1/files/file-abc/content"));
        Assert.That(wire.Single.Headers["Accept"], Is.EqualTo("*/*"));
        Assert.That(stream.Response.RequestId, Is.EqualTo("req_dl"));
        Assert.That(stream.ContentType, Is.EqualTo("text/plain"));
        Assert.That(stream.CanSeek, Is.False);
    }

    [Test]
    public void DownloadAsync_WhenMissing_ThrowsNotFound()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Get, "files/fake_id/content", """{"error":{"message":"No such File object: fake_id","type":"invalid_request_error","param":"id","code":null},"detail":{"message":"No such File object: fake_id","code":null}}""", HttpStatusCode.NotFound);

        ResourceNotFoundException error = Assert.ThrowsAsync<ResourceNotFoundException>(() => wire.Client.Files.DownloadAsync("fake_id"))!;

        Assert.That(error.Error!.Param, Is.EqualTo("id"));
    }

    [Test]
    public async Task DownloadAsync_OfALargeBody_ReadsLazilyWithBoundedMemory()
    {
        const long size = 64L * 1024 * 1024;
        GeneratedStream source = new(size);
        using HttpClient http = new(new StreamingHandler(source));
        using AssistantsApiClient client = new(http, new AssistantsClientOptions { BaseUrl = new Uri(Wire.BaseUrl), ApiKey = Wire.ApiKey });

        using (FileContentStream stream = await client.Files.DownloadAsync("file-big"))
        {
            Assert.That(source.Produced, Is.LessThan(1024 * 1024), "bytes pulled before the caller read any");
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            long before = GC.GetAllocatedBytesForCurrentThread();
            int read;
            while ((read = await stream.ReadAsync(buffer, CancellationToken.None)) > 0)
            {
                total += read;
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.That(total, Is.EqualTo(size));
            Assert.That(allocated, Is.LessThan(4 * 1024 * 1024), "bytes allocated while reading 64 MiB");
        }

        Assert.That(source.Disposed, Is.True, "disposing the download releases the response");
    }

    [Test]
    public void Purpose_UnknownValue_PassesThroughJson()
    {
        StoredFile file = JsonSerializer.Deserialize("""{"id":"f","created_at":1,"purpose":"new_purpose","status":"weird"}""", Serialization.AssistantsJsonContext.Default.StoredFile)!;

        Assert.That(file.Purpose.ToString(), Is.EqualTo("new_purpose"));
        Assert.That(file.Status.ToString(), Is.EqualTo("weird"));
        Assert.That(JsonSerializer.Serialize(file, Serialization.AssistantsJsonContext.Default.StoredFile), Does.Contain("\"purpose\":\"new_purpose\""));
    }

    private static string Boundary(CapturedRequest request)
    {
        string type = request.ContentType!;
        return type.Substring(type.IndexOf("boundary=", StringComparison.Ordinal) + "boundary=".Length).Trim('"');
    }

    /// <summary>Answers every request with a body produced on demand.</summary>
    private sealed class StreamingHandler(Stream body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            StreamContent content = new(body, 16 * 1024);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }

    /// <summary>A read-only stream of <c>length</c> bytes that allocates nothing per read and counts what it produced.</summary>
    private sealed class GeneratedStream(long length) : Stream
    {
        public long Produced { get; private set; }

        public bool Disposed { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int n = (int)Math.Min(buffer.Length, length - Produced);
            buffer[..n].Fill((byte)'x');
            Produced += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
