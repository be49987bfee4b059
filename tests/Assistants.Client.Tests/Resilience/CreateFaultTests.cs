using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Client.Internal;
using Assistants.Client.Tests.Loopback;
using Microsoft.AspNetCore.Http;
using NUnit.Framework;

namespace Assistants.Client.Tests;

/// <summary>
/// The retry rule for operations that must not run twice, over real sockets through the public client, counted on
/// the server: for every create (and submit tool outputs), a 500, a 502, a reset after the body and a response-headers
/// timeout reach the server exactly once; a 429 and a refused connection are retried.
/// </summary>
[TestFixture]
public sealed class CreateFaultTests
{
    internal const string ObjectJson = """{"id":"obj_1","object":"thing","created_at":1761861537}""";
    private const string RateLimited = """{"error":{"message":"Rate limit reached.","type":"requests","param":null,"code":"rate_limit_exceeded"}}""";
    private static readonly TimeSpan s_headersTimeout = TimeSpan.FromSeconds(60);

    public static IEnumerable<TestCaseData> Creates()
        => CreateOperationCase.All.Select(c => new TestCaseData(c).SetArgDisplayNames(c.Operation));

    [TestCaseSource(nameof(Creates))]
    public Task Create_500_ReachesServerOnce(CreateOperationCase op)
        => AssertSentOnceAsync(op, Status(500), Is.InstanceOf<AssistantsApiException>().With.Property(nameof(AssistantsApiException.Status)).EqualTo(500));

    [TestCaseSource(nameof(Creates))]
    public Task Create_502_ReachesServerOnce(CreateOperationCase op)
        => AssertSentOnceAsync(op, Status(502), Is.InstanceOf<AssistantsApiException>().With.Property(nameof(AssistantsApiException.Status)).EqualTo(502));

    [TestCaseSource(nameof(Creates))]
    public Task Create_ResetAfterBody_ReachesServerOnce(CreateOperationCase op)
        => AssertSentOnceAsync(op, Faults.ResetAfterBodyAsync, Is.InstanceOf<HttpRequestException>());

    [TestCaseSource(nameof(Creates))]
    public async Task Create_ResponseHeadersTimeout_ReachesServerOnce(CreateOperationCase op)
    {
        TimerRecordingTimeProvider time = new();
        TaskCompletionSource received = new(TaskCreationOptions.RunContinuationsAsynchronously);
        LoopbackServer? self = null;
        await using LoopbackServer server = await LoopbackServer.StartAsync(Script(op, context => Faults.HangAsync(context, self!.Stopping, received)));
        self = server;
        using HttpClient http = new();
        using AssistantsApiClient client = NewClient(http, server.BaseUrl, time);

        Task<Exception?> outcome = RunAsync(time, op.Call(client));
        await received.Task.WaitAsync(TimeSpan.FromSeconds(20));
        time.Advance(s_headersTimeout);
        Exception? error = await outcome.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Multiple(() =>
        {
            Assert.That(error, Is.InstanceOf<AssistantsTimeoutException>());
            Assert.That(server.Count("POST", "/v1/" + op.Path), Is.EqualTo(1));
            AssertBodiesWithoutExpect(server, op);
        });
    }

    [TestCaseSource(nameof(Creates))]
    public async Task Create_429_IsRetriedAndReachesServerTwice(CreateOperationCase op)
    {
        TimerRecordingTimeProvider time = new();
        await using LoopbackServer server = await LoopbackServer.StartAsync(Script(op, Status(429, RateLimited)));
        using HttpClient http = new();
        using AssistantsApiClient client = NewClient(http, server.BaseUrl, time);

        Exception? error = await RunAsync(time, op.Call(client));

        Assert.Multiple(() =>
        {
            Assert.That(error, Is.Null);
            Assert.That(server.Count("POST", "/v1/" + op.Path), Is.EqualTo(2));
            AssertBodiesWithoutExpect(server, op);
        });
    }

    [TestCaseSource(nameof(Creates))]
    public async Task Create_ConnectionRefused_IsRetried(CreateOperationCase op)
    {
        TimerRecordingTimeProvider time = new();
        using AttemptCountingHandler handler = new();
        using HttpClient http = new(handler);
        using AssistantsApiClient client = NewClient(http, LoopbackServer.RefusingBaseUrl(), time);

        Exception? error = await RunAsync(time, op.Call(client));

        Assert.Multiple(() =>
        {
            Assert.That(error, Is.InstanceOf<HttpRequestException>());
            Assert.That(handler.Attempts, Is.EqualTo(3), "the first attempt and both retries");
        });
    }

    [TestCaseSource(nameof(Creates))]
    public async Task Create_ResetAfterBodyOnReusedConnection_ReachesServerOnce(CreateOperationCase op)
    {
        TimerRecordingTimeProvider time = new();
        await using LoopbackServer server = await LoopbackServer.StartAsync(Script(op, Faults.ResetAfterBodyAsync));
        using HttpClient http = new();
        using AssistantsApiClient client = NewClient(http, server.BaseUrl, time);
        await client.Assistants.GetAsync("asst_1");

        Exception? error = await RunAsync(time, op.Call(client));

        Assert.Multiple(() =>
        {
            Assert.That(error, Is.InstanceOf<HttpRequestException>());
            Assert.That(server.Count("POST", "/v1/" + op.Path), Is.EqualTo(1), "neither the client nor the socket handler sent it again");
            Assert.That(server.Requests.Single(r => r.Method == "POST").EarlierOnConnection, Is.EqualTo(1), "the create went out on the kept-alive connection");
        });
    }

    [Test]
    public void Constructor_HttpClientDefaultingToExpectContinue_IsRefused()
    {
        // HttpClient would copy its default Expect header back onto requests that turned it off.
        using HttpClient http = new();
        http.DefaultRequestHeaders.ExpectContinue = true;

        Assert.That(
            () => NewClient(http, new Uri("http://127.0.0.1:1/v1/"), new TimerRecordingTimeProvider()),
            Throws.ArgumentException.With.Message.Contains("Expect: 100-continue"));
    }

    [Test]
    public async Task Modify_500_IsStillRetried()
    {
        TimerRecordingTimeProvider time = new();
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            await Faults.DrainBodyAsync(context);
            await Faults.JsonAsync(context, 500, RetryTests.ServerError);
        });
        using HttpClient http = new();
        using AssistantsApiClient client = NewClient(http, server.BaseUrl, time);

        Exception? error = await RunAsync(time, client.Assistants.ModifyAsync("asst_1", new AssistantModificationOptions { Name = "n" }));

        Assert.That(error, Is.InstanceOf<AssistantsApiException>());
        Assert.That(server.Count("POST", "/v1/assistants/asst_1"), Is.EqualTo(3));
    }

    [Test]
    public void Table_EveryNotAfterSendOperationHasAFaultCase()
    {
        IEnumerable<string> guarded = ApiOperations.All.Where(o => o.Retry == RetrySafety.NotAfterSend).Select(o => o.Name);

        Assert.That(CreateOperationCase.All.Select(c => c.TableName).Distinct(), Is.EquivalentTo(guarded));
    }

    [Test]
    public void Table_NamesAreUniqueSnakeCase_AndClassesFollowTheRule()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ApiOperations.All.Select(o => o.Name), Is.Unique);
            foreach (ApiOperation operation in ApiOperations.All)
            {
                Assert.That(operation.Name, Does.Match("^[a-z]+(_[a-z]+)*$"));
                bool createsOrSubmits = Regex.IsMatch(operation.Name, "^(create|submit)_");
                Assert.That(operation.Retry, Is.EqualTo(createsOrSubmits ? RetrySafety.NotAfterSend : RetrySafety.Safe), operation.Name);
                if (operation.Retry == RetrySafety.NotAfterSend)
                {
                    Assert.That(operation.Method, Is.EqualTo(HttpMethod.Post), operation.Name);
                }
            }
        });
    }

    internal static AssistantsApiClient NewClient(HttpClient http, Uri baseUrl, TimeProvider time, int? maxRetries = null)
    {
        AssistantsClientOptions options = new()
        {
            BaseUrl = baseUrl,
            ApiKey = "sk-loopback-0123456789",
            TimeProvider = time,
        };
        options.Retry.Jitter = false;
        options.Retry.MaxRetries = maxRetries ?? options.Retry.MaxRetries;
        options.Timeouts.ResponseHeaders = s_headersTimeout;
        options.Timeouts.Total = Timeout.InfiniteTimeSpan;
        return new AssistantsApiClient(http, options);
    }

    /// <summary>Lets the call run, advancing the fake clock over every retry delay it starts; returns what it threw.</summary>
    internal static async Task<Exception?> RunAsync(TimerRecordingTimeProvider time, Task call)
    {
        try
        {
            await time.DriveAsync(call, TimeSpan.FromSeconds(30));
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    private static async Task AssertSentOnceAsync(CreateOperationCase op, Func<HttpContext, Task> fault, NUnit.Framework.Constraints.IResolveConstraint expected)
    {
        TimerRecordingTimeProvider time = new();
        await using LoopbackServer server = await LoopbackServer.StartAsync(Script(op, fault));
        using HttpClient http = new();
        using AssistantsApiClient client = NewClient(http, server.BaseUrl, time);

        Exception? error = await RunAsync(time, op.Call(client));

        Assert.Multiple(() =>
        {
            Assert.That(error, expected);
            Assert.That(server.Count("POST", "/v1/" + op.Path), Is.EqualTo(1));
            AssertBodiesWithoutExpect(server, op);
        });
    }

    /// <summary>Every create carries a body (the socket handler re-sends bodiless requests by itself) and never waits on <c>Expect: 100-continue</c>.</summary>
    private static void AssertBodiesWithoutExpect(LoopbackServer server, CreateOperationCase op)
    {
        foreach (ReceivedRequest request in server.Requests.Where(r => r.Method == "POST" && r.Path == "/v1/" + op.Path))
        {
            Assert.That(request.Headers.ContainsKey("Expect"), Is.False, "Expect header");
            bool hasBody = request.Headers.TryGetValue("Content-Length", out string? length) ? long.Parse(length) > 0 : request.Headers.ContainsKey("Transfer-Encoding");
            Assert.That(hasBody, Is.True, "request body");
        }
    }

    /// <summary>Answers the first POSTs with <paramref name="answers"/> in turn and everything else with success.</summary>
    private static Func<HttpContext, Task> Script(CreateOperationCase op, params Func<HttpContext, Task>[] answers)
    {
        int posts = 0;
        return async context =>
        {
            int n = context.Request.Method == "POST" ? Interlocked.Increment(ref posts) - 1 : int.MaxValue;
            if (n < answers.Length)
            {
                await answers[n](context);
                return;
            }

            await Faults.DrainBodyAsync(context);
            await (op.Streaming && context.Request.Method == "POST" ? Faults.SseDoneAsync(context) : Faults.JsonAsync(context, 200, ObjectJson));
        };
    }

    private static Func<HttpContext, Task> Status(int status, string body = RetryTests.ServerError) => async context =>
    {
        await Faults.DrainBodyAsync(context);
        await Faults.JsonAsync(context, status, body);
    };
}
