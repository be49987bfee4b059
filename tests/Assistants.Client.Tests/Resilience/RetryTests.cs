using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Client.Internal;
using Assistants.Client.Serialization;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Assistants.Client.Tests;

[TestFixture]
public sealed class RetryTests
{
    internal const string AssistantJson = """{"id":"asst_1","object":"assistant","created_at":1761861537,"model":"gpt-4o","tools":[]}""";
    internal const string ServerError = """{"error":{"message":"The server had an error processing your request.","type":"server_error","param":null,"code":null}}""";
    private const string RateLimited = """{"error":{"message":"Rate limit reached.","type":"invalid_request_error","param":null,"code":"rate_limit_exceeded"}}""";

    /// <summary>A wire whose only timers are retry delays (timeouts off, jitter off), on a recording fake clock.</summary>
    internal static Wire NewWire(TimerRecordingTimeProvider time, Action<AssistantsClientOptions>? configure = null)
        => new(options =>
        {
            options.TimeProvider = time;
            options.Retry.Jitter = false;
            options.Timeouts.ResponseHeaders = Timeout.InfiniteTimeSpan;
            options.Timeouts.Total = Timeout.InfiniteTimeSpan;
            configure?.Invoke(options);
        });

    internal static Dictionary<string, string> Headers(params string[] pairs)
    {
        Dictionary<string, string> headers = new() { ["x-request-id"] = "req_test" };
        for (int i = 0; i < pairs.Length; i += 2)
        {
            headers[pairs[i]] = pairs[i + 1];
        }

        return headers;
    }

    private static Task<Assistant> CreateMessageLikeAsync(Wire wire, CancellationToken cancellationToken = default)
        => wire.Client.Pipeline.CallAsync(
            ApiOperations.CreateMessage,
            "threads/thread_1/messages",
            ClientPipeline.JsonContent(new Dictionary<string, string> { ["role"] = "user", ["content"] = "hi" }, AssistantsJsonContext.Default.DictionaryStringString),
            AssistantsJsonContext.Default.Assistant,
            cancellationToken);

    [Test]
    public async Task GetAsync_500Then200_SucceedsAfterOneRetryWithInitialBackoff()
    {
        TimerRecordingTimeProvider time = new();
        using Wire wire = NewWire(time);
        wire.Expect(HttpMethod.Get, "assistants/asst_1", ServerError, HttpStatusCode.InternalServerError);
        wire.Expect(HttpMethod.Get, "assistants/asst_1", AssistantJson);

        Task<Assistant> call = wire.Client.Assistants.GetAsync("asst_1");
        TimeSpan delay = await time.NextTimerAsync();
        Assert.Multiple(() =>
        {
            Assert.That(delay, Is.EqualTo(TimeSpan.FromSeconds(0.5)));
            Assert.That(wire.Requests, Has.Count.EqualTo(1));
        });
        time.Advance(delay);
        Assistant assistant = await call;

        Assert.Multiple(() =>
        {
            Assert.That(assistant.Id, Is.EqualTo("asst_1"));
            Assert.That(wire.Requests, Has.Count.EqualTo(2));
            Assert.That(wire.Requests[1].Headers["Authorization"], Is.EqualTo("Bearer " + Wire.ApiKey));
        });
        wire.Mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task GetAsync_AlwaysFailing_StopsAfterTwoRetriesWithDoublingBackoff()
    {
        TimerRecordingTimeProvider time = new();
        using Wire wire = NewWire(time);
        for (int i = 0; i < 3; i++)
        {
            wire.Expect(HttpMethod.Get, "assistants/asst_1", ServerError, HttpStatusCode.ServiceUnavailable);
        }

        Task<Assistant> call = wire.Client.Assistants.GetAsync("asst_1");
        TimeSpan first = await time.AdvanceToNextTimerAsync();
        TimeSpan second = await time.AdvanceToNextTimerAsync();
        AssistantsApiException error = Assert.ThrowsAsync<AssistantsApiException>(() => call)!;

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(TimeSpan.FromSeconds(0.5)));
            Assert.That(second, Is.EqualTo(TimeSpan.FromSeconds(1)));
            Assert.That(error.Status, Is.EqualTo(503));
            Assert.That(wire.Requests, Has.Count.EqualTo(3));
        });
    }

    [Test]
    public void Backoff_DoublesToTheMaximum_AndJitterOnlyShortens()
    {
        RetryPolicy exact = new(new RetryOptions { Jitter = false }, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        RetryPolicy jittered = new(new RetryOptions(), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

        Assert.Multiple(() =>
        {
            Assert.That(exact.Backoff(0), Is.EqualTo(TimeSpan.FromSeconds(0.5)));
            Assert.That(exact.Backoff(3), Is.EqualTo(TimeSpan.FromSeconds(4)));
            Assert.That(exact.Backoff(4), Is.EqualTo(TimeSpan.FromSeconds(8)));
            Assert.That(exact.Backoff(40), Is.EqualTo(TimeSpan.FromSeconds(8)));
            for (int i = 0; i < 50; i++)
            {
                Assert.That(jittered.Backoff(1), Is.InRange(TimeSpan.FromSeconds(0.75), TimeSpan.FromSeconds(1)));
            }
        });
    }

    [Test]
    public async Task GetAsync_429WithRetryAfterMs_WaitsExactlyThatLong()
    {
        TimerRecordingTimeProvider time = new();
        using Wire wire = NewWire(time);
        wire.Expect(HttpMethod.Get, "assistants/asst_1", RateLimited, (HttpStatusCode)429, Headers("retry-after-ms", "10", "Retry-After", "30"));
        wire.Expect(HttpMethod.Get, "assistants/asst_1", AssistantJson);

        Task<Assistant> call = wire.Client.Assistants.GetAsync("asst_1");
        TimeSpan delay = await time.NextTimerAsync();
        time.Advance(TimeSpan.FromMilliseconds(9));
        Assert.That(wire.Requests, Has.Count.EqualTo(1), "still waiting after 9 ms");
        time.Advance(TimeSpan.FromMilliseconds(1));
        await call;

        Assert.Multiple(() =>
        {
            Assert.That(delay, Is.EqualTo(TimeSpan.FromMilliseconds(10)));
            Assert.That(wire.Requests, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task GetAsync_503WithRetryAfterDate_WaitsUntilThatDate()
    {
        TimerRecordingTimeProvider time = new();
        using Wire wire = NewWire(time);
        string date = time.GetUtcNow().AddSeconds(3).ToString("r", System.Globalization.CultureInfo.InvariantCulture);
        wire.Expect(HttpMethod.Get, "assistants/asst_1", ServerError, HttpStatusCode.ServiceUnavailable, Headers("Retry-After", date));
        wire.Expect(HttpMethod.Get, "assistants/asst_1", AssistantJson);

        Task<Assistant> call = wire.Client.Assistants.GetAsync("asst_1");
        TimeSpan delay = await time.AdvanceToNextTimerAsync();
        await call;

        Assert.That(delay, Is.EqualTo(TimeSpan.FromSeconds(3)));
    }

    [Test]
    public void GetAsync_429AskingForMoreThanTheCap_FailsAtOnceWithTheWait()
    {
        TimerRecordingTimeProvider time = new();
        using Wire wire = NewWire(time, o => o.Retry.MaxRetryAfter = TimeSpan.FromSeconds(60));
        wire.Expect(HttpMethod.Get, "assistants/asst_1", RateLimited, (HttpStatusCode)429, Headers("Retry-After", "120"));

        RateLimitExceededException error = Assert.ThrowsAsync<RateLimitExceededException>(() => wire.Client.Assistants.GetAsync("asst_1"))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(120)));
            Assert.That(error.ErrorCode, Is.EqualTo("rate_limit_exceeded"));
            Assert.That(wire.Requests, Has.Count.EqualTo(1));
            Assert.That(time.Started, Is.Empty, "no delay was started");
        });
    }

    [Test]
    public void CreateMessageLike_500_IsSentExactlyOnce()
    {
        TimerRecordingTimeProvider time = new();
        using Wire wire = NewWire(time);
        wire.Expect(HttpMethod.Post, "threads/thread_1/messages", ServerError, HttpStatusCode.InternalServerError);

        AssistantsApiException error = Assert.ThrowsAsync<AssistantsApiException>(() => CreateMessageLikeAsync(wire))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Status, Is.EqualTo(500));
            Assert.That(wire.Requests, Has.Count.EqualTo(1));
        });
    }

    [TestCase(408)]
    [TestCase(409)]
    [TestCase(502)]
    public void CreateMessageLike_StatusThatDoesNotProveNothingWasDone_IsSentExactlyOnce(int status)
    {
        TimerRecordingTimeProvider time = new();
        using Wire wire = NewWire(time);
        wire.Expect(HttpMethod.Post, "threads/thread_1/messages", ServerError, (HttpStatusCode)status);

        AssistantsApiException error = Assert.ThrowsAsync<AssistantsApiException>(() => CreateMessageLikeAsync(wire))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Status, Is.EqualTo(status));
            Assert.That(wire.Requests, Has.Count.EqualTo(1));
            Assert.That(time.Started, Is.Empty, "no retry delay was started");
        });
    }

    [TestCase(408)]
    [TestCase(409)]
    public async Task GetAsync_408Or409_IsRetried(int status)
    {
        TimerRecordingTimeProvider time = new();
        using Wire wire = NewWire(time);
        wire.Expect(HttpMethod.Get, "assistants/asst_1", ServerError, (HttpStatusCode)status);
        wire.Expect(HttpMethod.Get, "assistants/asst_1", AssistantJson);

        Task<Assistant> call = wire.Client.Assistants.GetAsync("asst_1");
        await time.AdvanceToNextTimerAsync();
        await call;

        Assert.That(wire.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task CreateMessageLike_429_IsRetriedWithTheSameBody()
    {
        TimerRecordingTimeProvider time = new();
        using Wire wire = NewWire(time);
        wire.Expect(HttpMethod.Post, "threads/thread_1/messages", RateLimited, (HttpStatusCode)429);
        wire.Expect(HttpMethod.Post, "threads/thread_1/messages", AssistantJson);

        Task<Assistant> call = CreateMessageLikeAsync(wire);
        await time.AdvanceToNextTimerAsync();
        await call;

        Assert.Multiple(() =>
        {
            Assert.That(wire.Requests, Has.Count.EqualTo(2));
            JsonAssert.AreEquivalent("""{"role":"user","content":"hi"}""", wire.Requests[1].Body!);
            Assert.That(wire.Requests[1].ContentType, Does.StartWith("application/json"));
        });
    }

    [Test]
    public async Task CreateMessageLike_ConnectionRefused_IsRetried()
    {
        TimerRecordingTimeProvider time = new();
        using Wire wire = NewWire(time);
        wire.Mock.Expect(HttpMethod.Post, Wire.BaseUrl + "threads/thread_1/messages").Throw(ConnectionRefused());
        wire.Expect(HttpMethod.Post, "threads/thread_1/messages", AssistantJson);

        Task<Assistant> call = CreateMessageLikeAsync(wire);
        await time.AdvanceToNextTimerAsync();
        await call;

        Assert.That(wire.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public void CreateMessageLike_ConnectionResetAfterSending_IsNotRetried()
    {
        TimerRecordingTimeProvider time = new();
        using Wire wire = NewWire(time);
        wire.Mock.Expect(HttpMethod.Post, Wire.BaseUrl + "threads/thread_1/messages")
            .Throw(new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely."));

        Assert.ThrowsAsync<HttpRequestException>(() => CreateMessageLikeAsync(wire));
        Assert.That(wire.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task GetAsync_ConnectionReset_IsRetried()
    {
        TimerRecordingTimeProvider time = new();
        using Wire wire = NewWire(time);
        wire.Mock.Expect(HttpMethod.Get, Wire.BaseUrl + "assistants/asst_1")
            .Throw(new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.", new System.IO.IOException("Connection reset by peer")));
        wire.Expect(HttpMethod.Get, "assistants/asst_1", AssistantJson);

        Task<Assistant> call = wire.Client.Assistants.GetAsync("asst_1");
        await time.AdvanceToNextTimerAsync();
        Assistant assistant = await call;

        Assert.That(assistant.Id, Is.EqualTo("asst_1"));
        Assert.That(wire.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public void GetAsync_ShouldRetryFalse_StopsAtOnce()
    {
        TimerRecordingTimeProvider time = new();
        using Wire wire = NewWire(time);
        wire.Expect(HttpMethod.Get, "assistants/asst_1", ServerError, HttpStatusCode.ServiceUnavailable, Headers("x-should-retry", "false"));

        Assert.ThrowsAsync<AssistantsApiException>(() => wire.Client.Assistants.GetAsync("asst_1"));
        Assert.That(wire.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task CreateMessageLike_500WithShouldRetryTrue_IsRetriedBecauseTheServerSaidSo()
    {
        TimerRecordingTimeProvider time = new();
        using Wire wire = NewWire(time);
        wire.Expect(HttpMethod.Post, "threads/thread_1/messages", ServerError, HttpStatusCode.InternalServerError, Headers("x-should-retry", "true"));
        wire.Expect(HttpMethod.Post, "threads/thread_1/messages", AssistantJson);

        Task<Assistant> call = CreateMessageLikeAsync(wire);
        await time.AdvanceToNextTimerAsync();
        await call;

        Assert.That(wire.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public void GetAsync_400_IsNotRetried()
    {
        TimerRecordingTimeProvider time = new();
        using Wire wire = NewWire(time);
        wire.Expect(HttpMethod.Get, "assistants/asst_1", """{"error":{"message":"bad","type":"invalid_request_error","param":null,"code":null}}""", HttpStatusCode.BadRequest);

        Assert.ThrowsAsync<AssistantsApiException>(() => wire.Client.Assistants.GetAsync("asst_1"));
        Assert.That(wire.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void GetAsync_RetriesOff_SendsOnce()
    {
        TimerRecordingTimeProvider time = new();
        using Wire wire = NewWire(time, o => o.Retry.MaxRetries = 0);
        wire.Expect(HttpMethod.Get, "assistants/asst_1", ServerError, HttpStatusCode.ServiceUnavailable);

        AssistantsApiException error = Assert.ThrowsAsync<AssistantsApiException>(() => wire.Client.Assistants.GetAsync("asst_1"))!;

        Assert.That(error.Status, Is.EqualTo(503));
        Assert.That(wire.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void GetAsync_MalformedJson_IsNotRetriedAndNamesRequestIdAndExcerpt()
    {
        TimerRecordingTimeProvider time = new();
        using Wire wire = NewWire(time);
        wire.Expect(HttpMethod.Get, "assistants/asst_1", """{"id":"asst_1","object":"assist""");

        AssistantsApiException error = Assert.ThrowsAsync<AssistantsApiException>(() => wire.Client.Assistants.GetAsync("asst_1"))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.Contain("req_test"));
            Assert.That(error.Message, Does.Contain("{\"id\":\"asst_1\""));
            Assert.That(error.RequestId, Is.EqualTo("req_test"));
            Assert.That(wire.Requests, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task StreamRequest_BodyFailingMidway_RaisesAndIsNotRetried()
    {
        DelegateHandler server = new((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(new FailingStream("event: thread.run.created\ndata: {}\n\n"u8.ToArray())),
        }));
        using HttpClient http = new(server);
        using AssistantsApiClient client = new(http, new AssistantsClientOptions { BaseUrl = new Uri(Wire.BaseUrl), ApiKey = Wire.ApiKey, TimeProvider = new TimerRecordingTimeProvider() });

        HttpRequestMessage request = client.Pipeline.CreateRequest(ApiOperations.CreateRunStream, "threads/thread_1/runs", content: new JsonBody("{}"u8.ToArray()));
        using HttpResponseMessage response = await client.Pipeline.SendAsync(ApiOperations.CreateRunStream, request, HttpCompletionOption.ResponseHeadersRead, CancellationToken.None);
        System.IO.Stream body = await response.Content.ReadAsStreamAsync();
        byte[] buffer = new byte[1024];
        int first = await body.ReadAsync(buffer);

        Assert.That(first, Is.GreaterThan(0), "the partial body arrived");
        Assert.That(async () => await body.ReadAsync(buffer), Throws.InstanceOf<System.IO.IOException>());
        Assert.That(server.Calls, Is.EqualTo(1));
    }

    private static HttpRequestException ConnectionRefused()
        => new(HttpRequestError.ConnectionError, "Connection refused (api.test:443)", new SocketException((int)SocketError.ConnectionRefused));

    /// <summary>A body that yields its bytes once, then fails as a reset connection does.</summary>
    private sealed class FailingStream(byte[] data) : System.IO.Stream
    {
        private bool _sent;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_sent)
            {
                throw new System.IO.IOException("Connection reset by peer");
            }

            _sent = true;
            Array.Copy(data, 0, buffer, offset, data.Length);
            return data.Length;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, System.IO.SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
