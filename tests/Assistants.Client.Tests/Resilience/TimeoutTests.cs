using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Client.Internal;
using NUnit.Framework;

namespace Assistants.Client.Tests;

[TestFixture]
public sealed class TimeoutTests
{
    private static AssistantsApiClient NewClient(HttpMessageHandler server, TimerRecordingTimeProvider time, Action<AssistantsClientOptions> configure, out HttpClient http)
    {
        http = new HttpClient(server);
        AssistantsClientOptions options = new() { BaseUrl = new Uri(Wire.BaseUrl), ApiKey = Wire.ApiKey, TimeProvider = time };
        options.Retry.Jitter = false;
        configure(options);
        return new AssistantsApiClient(http, options);
    }

    [Test]
    public async Task GetAsync_HeadersNeverCome_RaisesResponseHeadersTimeout()
    {
        TimerRecordingTimeProvider time = new();
        HangingHandler server = new();
        using AssistantsApiClient client = NewClient(server, time, o =>
        {
            o.Retry.MaxRetries = 0;
            o.Timeouts.ResponseHeaders = TimeSpan.FromSeconds(5);
        }, out HttpClient http);
        using (http)
        {
            Task<Assistant> call = client.Assistants.GetAsync("asst_1");
            await time.AdvanceToNextTimerAsync(d => d == TimeSpan.FromSeconds(5));

            AssistantsTimeoutException error = Assert.ThrowsAsync<AssistantsTimeoutException>(() => call)!;
            Assert.Multiple(() =>
            {
                Assert.That(error.Kind, Is.EqualTo(AssistantsTimeoutKind.ResponseHeaders));
                Assert.That(error.Timeout, Is.EqualTo(TimeSpan.FromSeconds(5)));
                Assert.That(error.Message, Does.Contain("GET /v1/assistants/asst_1").And.Contain("Timeouts.ResponseHeaders"));
                Assert.That(error, Is.InstanceOf<AssistantsApiException>());
                Assert.That(server.Calls, Is.EqualTo(1));
            });
        }
    }

    [Test]
    public async Task GetAsync_HeadersTimeoutThenAnswer_IsRetried()
    {
        TimerRecordingTimeProvider time = new();
        int calls = 0;
        DelegateHandler server = new(async (_, ct) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                await Task.Delay(Timeout.Infinite, ct);
            }

            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(RetryTests.AssistantJson) };
        });
        using AssistantsApiClient client = NewClient(server, time, o => o.Timeouts.ResponseHeaders = TimeSpan.FromSeconds(5), out HttpClient http);
        using (http)
        {
            Task<Assistant> call = client.Assistants.GetAsync("asst_1");
            await time.AdvanceToNextTimerAsync(d => d == TimeSpan.FromSeconds(5));
            await time.AdvanceToNextTimerAsync(d => d == TimeSpan.FromSeconds(0.5));
            Assistant assistant = await call;

            Assert.That(assistant.Id, Is.EqualTo("asst_1"));
            Assert.That(calls, Is.EqualTo(2));
        }
    }

    [Test]
    public async Task CreateMessageLike_HeadersTimeout_IsNotRetried()
    {
        TimerRecordingTimeProvider time = new();
        HangingHandler server = new();
        using AssistantsApiClient client = NewClient(server, time, o => o.Timeouts.ResponseHeaders = TimeSpan.FromSeconds(5), out HttpClient http);
        using (http)
        {
            Task<HttpResponseMessage> call = client.Pipeline.SendAsync(
                ApiOperations.CreateMessage,
                client.Pipeline.CreateRequest(ApiOperations.CreateMessage, "threads/thread_1/messages", content: new JsonBody("{}"u8.ToArray())),
                HttpCompletionOption.ResponseContentRead,
                CancellationToken.None);
            await time.AdvanceToNextTimerAsync(d => d == TimeSpan.FromSeconds(5));

            Assert.ThrowsAsync<AssistantsTimeoutException>(() => call);
            Assert.That(server.Calls, Is.EqualTo(1));
        }
    }

    [Test]
    public async Task GetAsync_CallerCancels_RaisesOperationCanceledNotTimeout()
    {
        TimerRecordingTimeProvider time = new();
        HangingHandler server = new();
        using AssistantsApiClient client = NewClient(server, time, _ => { }, out HttpClient http);
        using (http)
        using (CancellationTokenSource cts = new())
        {
            Task<Assistant> call = client.Assistants.GetAsync("asst_1", cts.Token);
            await time.NextTimerAsync(d => d == new TimeoutOptions().ResponseHeaders);
            cts.Cancel();

            Exception? error = null;
            try
            {
                await call;
            }
            catch (Exception ex)
            {
                error = ex;
            }

            Assert.That(error, Is.InstanceOf<OperationCanceledException>());
            Assert.That(error, Is.Not.InstanceOf<AssistantsTimeoutException>());
            Assert.That(server.Calls, Is.EqualTo(1), "a cancelled call is not retried");
        }
    }

    [Test]
    public async Task GetAsync_TotalTimeout_CoversEveryAttempt()
    {
        TimerRecordingTimeProvider time = new();
        HangingHandler server = new();
        using AssistantsApiClient client = NewClient(server, time, o =>
        {
            o.Timeouts.ResponseHeaders = Timeout.InfiniteTimeSpan;
            o.Timeouts.Total = TimeSpan.FromSeconds(30);
        }, out HttpClient http);
        using (http)
        {
            Task<Assistant> call = client.Assistants.GetAsync("asst_1");
            await time.AdvanceToNextTimerAsync(d => d == TimeSpan.FromSeconds(30));

            AssistantsTimeoutException error = Assert.ThrowsAsync<AssistantsTimeoutException>(() => call)!;
            Assert.That(error.Kind, Is.EqualTo(AssistantsTimeoutKind.Total));
            Assert.That(error.Message, Does.Contain("Timeouts.Total"));
        }
    }

    [Test]
    public async Task StreamIdleTimeout_FiresOnlyAfterASilenceOfTheFullLimit()
    {
        TimerRecordingTimeProvider time = new();
        using Wire wire = new(o =>
        {
            o.TimeProvider = time;
            o.Timeouts.StreamIdle = TimeSpan.FromSeconds(10);
        });
        using StreamIdleTimeout idle = wire.Client.Pipeline.StartStreamIdleTimeout(CancellationToken.None);
        await time.NextTimerAsync(d => d == TimeSpan.FromSeconds(10));

        time.Advance(TimeSpan.FromSeconds(9));
        idle.Reset();
        time.Advance(TimeSpan.FromSeconds(9));
        Assert.That(idle.Token.IsCancellationRequested, Is.False, "events kept it alive");
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Multiple(() =>
        {
            Assert.That(idle.Token.IsCancellationRequested, Is.True);
            Assert.That(idle.IsTimeout, Is.True);
            AssistantsTimeoutException error = idle.CreateException("The run stream");
            Assert.That(error.Kind, Is.EqualTo(AssistantsTimeoutKind.StreamIdle));
            Assert.That(error.Message, Does.Contain("Timeouts.StreamIdle"));
        });
    }

    [Test]
    public void StreamIdleTimeout_CallerCancellation_IsNotATimeout()
    {
        using Wire wire = new(o => o.TimeProvider = new TimerRecordingTimeProvider());
        using CancellationTokenSource cts = new();
        using StreamIdleTimeout idle = wire.Client.Pipeline.StartStreamIdleTimeout(cts.Token);
        cts.Cancel();

        Assert.That(idle.Token.IsCancellationRequested, Is.True);
        Assert.That(idle.IsTimeout, Is.False);
    }

    [Test]
    public async Task StreamRequest_TotalTimeoutDoesNotApply()
    {
        TimerRecordingTimeProvider time = new();
        DelegateHandler server = new((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("event: done\ndata: [DONE]\n\n") }));
        using AssistantsApiClient client = NewClient(server, time, o => o.Timeouts.Total = TimeSpan.FromSeconds(1), out HttpClient http);
        using (http)
        {
            using HttpResponseMessage response = await client.Pipeline.SendAsync(
                ApiOperations.CreateRunStream,
                client.Pipeline.CreateRequest(ApiOperations.CreateRunStream, "threads/thread_1/runs", content: new JsonBody("{}"u8.ToArray())),
                HttpCompletionOption.ResponseHeadersRead,
                CancellationToken.None);

            Assert.That(time.Started, Does.Not.Contain(TimeSpan.FromSeconds(1)));
        }
    }

    [Test]
    public void OwnedHttpClient_HasNoTimeoutOfItsOwn()
    {
        using AssistantsApiClient client = new(new AssistantsClientOptions { BaseUrl = new Uri(Wire.BaseUrl), ApiKey = Wire.ApiKey });
        Assert.That(client.Pipeline.HttpClient.Timeout, Is.EqualTo(Timeout.InfiniteTimeSpan));
    }

    [Test]
    public void Options_OutOfRange_AreRejectedByTheConstructor()
    {
        AssistantsClientOptions badTimeout = new() { BaseUrl = new Uri(Wire.BaseUrl), ApiKey = Wire.ApiKey };
        badTimeout.Timeouts.ResponseHeaders = TimeSpan.Zero;
        AssistantsClientOptions badRetry = new() { BaseUrl = new Uri(Wire.BaseUrl), ApiKey = Wire.ApiKey };
        badRetry.Retry.MaxRetries = -1;

        Assert.Throws<ArgumentOutOfRangeException>(() => new AssistantsApiClient(badTimeout).Dispose());
        Assert.Throws<ArgumentOutOfRangeException>(() => new AssistantsApiClient(badRetry).Dispose());
    }

    [Test]
    public void Defaults_AreTheDocumentedOnes()
    {
        AssistantsClientOptions options = new();
        Assert.Multiple(() =>
        {
            Assert.That(options.Retry.MaxRetries, Is.EqualTo(2));
            Assert.That(options.Retry.InitialDelay, Is.EqualTo(TimeSpan.FromSeconds(0.5)));
            Assert.That(options.Retry.MaxDelay, Is.EqualTo(TimeSpan.FromSeconds(8)));
            Assert.That(options.Retry.MaxRetryAfter, Is.EqualTo(TimeSpan.FromSeconds(60)));
            Assert.That(options.Retry.Jitter, Is.True);
            Assert.That(options.Timeouts.ResponseHeaders, Is.EqualTo(TimeSpan.FromMinutes(2)));
            Assert.That(options.Timeouts.Total, Is.EqualTo(TimeSpan.FromMinutes(10)));
            Assert.That(options.Timeouts.StreamIdle, Is.EqualTo(TimeSpan.FromMinutes(5)));
            Assert.That(options.TimeProvider, Is.SameAs(TimeProvider.System));
            Assert.That(options.LoggerFactory, Is.Null);
        });
    }

    [Test]
    public void Clone_CopiesRetryAndTimeoutOptions()
    {
        AssistantsClientOptions options = new();
        AssistantsClientOptions copy = options.Clone();
        options.Retry.MaxRetries = 7;
        options.Timeouts.Total = TimeSpan.FromSeconds(1);

        Assert.That(copy.Retry.MaxRetries, Is.EqualTo(2));
        Assert.That(copy.Timeouts.Total, Is.EqualTo(TimeSpan.FromMinutes(10)));
    }
}
