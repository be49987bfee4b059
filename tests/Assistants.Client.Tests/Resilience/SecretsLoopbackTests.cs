using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Client.Tests.Loopback;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace Assistants.Client.Tests;

/// <summary>
/// A server that echoes the client's secrets (API key, rotated tokens, secret default headers) in error bodies, stream
/// <c>error</c> events, response headers and request ids, over real sockets; every string reachable from the exception
/// or the model, and every log line, is searched for them.
/// </summary>
[TestFixture]
public sealed class SecretsLoopbackTests
{
    private const string Key = "sk-proj-LOOPBACK-KEY-5e4d3c2b1a09";
    private const string TokenA = "eyJ-TOKEN-A-older-11111111111111";
    private const string TokenB = "eyJ-TOKEN-B-newer-22222222222222";
    private const string HeaderSecret = "hdr-SECRET-VALUE-3333333333";

    private CapturingLoggerProvider _logs = null!;
    private ILoggerFactory _factory = null!;

    [SetUp]
    public void SetUp()
    {
        _logs = new CapturingLoggerProvider();
        _factory = _logs.CreateFactory();
    }

    [TearDown]
    public void TearDown()
    {
        _factory.Dispose();
        _logs.Dispose();
    }

    public static IEnumerable<TestCaseData> StreamErrorShapes()
    {
        yield return new TestCaseData("{\"error\":{\"message\":\"Incorrect API key provided: " + Key + "\",\"type\":\"invalid_request_error\",\"param\":\"" + Key + "\",\"code\":\"" + Key + "\"}}").SetName("StreamErrorEvent_Envelope_IsClean");
        yield return new TestCaseData("{\"message\":\"Incorrect API key provided: " + Key + "\",\"type\":\"" + Key + "\",\"param\":null,\"code\":\"invalid_api_key\",\"echo\":\"" + Key + "\"}").SetName("StreamErrorEvent_BareObject_IsClean");
        yield return new TestCaseData("{\"error\":{\"message\":\"escaped: sk-proj-LOOPBACK-KEY-5e4d3c2b1a\\u00309\",\"code\":\"x\"}}").SetName("StreamErrorEvent_JsonEscapedKey_IsClean");
        yield return new TestCaseData("upstream said: bad key " + Key).SetName("StreamErrorEvent_NotJson_IsClean");
    }

    [TestCaseSource(nameof(StreamErrorShapes))]
    public async Task StreamErrorEvent_EchoingTheKey_NoFieldHoldsIt(string data)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(context => EventStreamAsync(context, "event: error\ndata: " + data + "\n\n"));
        using HttpClient http = new();
        using AssistantsApiClient client = new(http, Options(server));

        await using RunStream stream = await client.Runs.CreateStreamingAsync("thread_1", "asst_1");
        AssistantsApiException error = Assert.ThrowsAsync<AssistantsApiException>(async () =>
        {
            await foreach (StreamingUpdate update in stream)
            {
                _ = update;
            }
        })!;

        AssertClean(SecretScan.Strings(error), Key);
        AssertClean(SecretScan.Strings(stream.Response), Key);
        AssertLogsClean(Key);
        Assert.That(error.Message, Does.Contain("[REDACTED]"), "the rest of the server's message is kept, the key masked");
        Assert.That(stream.Response!.Headers["x-echo-key"], Is.EqualTo("seen [REDACTED]"));
    }

    [Test]
    public async Task Error401_HeadersEchoingTheKey_ExceptionHeadersClean()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(context => Faults.JsonAsync(
            context,
            401,
            "{\"error\":{\"message\":\"Incorrect API key provided: " + Key + ".\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}",
            ("WWW-Authenticate", "Bearer realm=\"api\", error=\"invalid_token\", error_description=\"key " + Key + " is invalid\""),
            ("x-echo-key", Key),
            ("x-request-id", "req_" + Key)));
        using HttpClient http = new();
        using AssistantsApiClient client = new(http, Options(server));

        AuthenticationFailedException error = Assert.ThrowsAsync<AuthenticationFailedException>(() => client.Assistants.GetAsync("asst_1"))!;

        AssertClean(SecretScan.Strings(error), Key);
        AssertLogsClean(Key);
        Assert.That(error.Headers["WWW-Authenticate"], Is.EqualTo("Bearer realm=\"api\", error=\"invalid_token\", error_description=\"key [REDACTED] is invalid\""));
        Assert.That(error.Headers["x-echo-key"], Is.EqualTo("[REDACTED]"));
        Assert.That(error.RequestId, Is.EqualTo("req_[REDACTED]"));
    }

    [Test]
    public async Task Success200_HeaderEchoingTheKey_ModelResponseHeadersClean()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(context => Faults.JsonAsync(
            context, 200, RetryTests.AssistantJson, ("x-echo-key", "you sent " + Key), ("api-key", "short")));
        using HttpClient http = new();
        using AssistantsApiClient client = new(http, Options(server));

        Assistant assistant = await client.Assistants.GetAsync("asst_1");

        Assert.That(assistant.Id, Is.EqualTo("asst_1"));
        Assert.That(assistant.Response!.GetHeader("x-echo-key"), Is.EqualTo("you sent [REDACTED]"), "read before the dictionary was built");
        AssertClean(SecretScan.Strings(assistant.Response), Key);
        Assert.That(assistant.Response.Headers["x-echo-key"], Is.EqualTo("you sent [REDACTED]"));
        Assert.That(assistant.Response.Headers["api-key"], Is.EqualTo("[REDACTED]"), "a secret header name is masked whole");
        Assert.That(assistant.Response.RequestId, Is.EqualTo("req_loopback"));
    }

    [Test]
    public async Task TokenProvider_RotatedTokens_OlderOneEchoedLater_IsMasked()
    {
        int call = 0;
        await using LoopbackServer server = await LoopbackServer.StartAsync(context => ++call switch
        {
            1 or 2 => Faults.JsonAsync(context, 200, RetryTests.AssistantJson),
            _ => Faults.JsonAsync(
                context,
                401,
                "{\"error\":{\"message\":\"Token " + TokenA + " expired; current is " + TokenB + "\",\"type\":\"" + TokenA + "\",\"param\":\"" + TokenB + "\",\"code\":\"expired\"}}",
                ("WWW-Authenticate", "Bearer error=\"invalid_token\", token=\"" + TokenA + "\"")),
        });
        string[] tokens = { TokenA, TokenB, TokenB };
        int issued = 0;
        AssistantsClientOptions options = Options(server);
        options.ApiKey = null;
        options.TokenProvider = _ => new ValueTask<string>(tokens[Math.Min(issued++, tokens.Length - 1)]);
        using HttpClient http = new();
        using AssistantsApiClient client = new(http, options);

        await client.Assistants.GetAsync("asst_1");
        await client.Assistants.GetAsync("asst_1");
        AuthenticationFailedException error = Assert.ThrowsAsync<AuthenticationFailedException>(() => client.Assistants.GetAsync("asst_1"))!;

        Assert.That(server.Requests.Select(r => r.Headers["Authorization"]), Is.EqualTo(new[] { "Bearer " + TokenA, "Bearer " + TokenB, "Bearer " + TokenB }));
        List<string> texts = SecretScan.Strings(error);
        AssertClean(texts, TokenA);
        AssertClean(texts, TokenB);
        AssertLogsClean(TokenA);
        AssertLogsClean(TokenB);
        Assert.That(error.Error!.Message, Is.EqualTo("Token [REDACTED] expired; current is [REDACTED]"));
    }

    [TestCase("X-Custom-Auth", true, TestName = "DefaultHeader_MarkedSecret_IsMasked")]
    [TestCase("api-key", false, TestName = "DefaultHeader_ApiKeyName_IsAlwaysMasked")]
    [TestCase("Authorization", false, TestName = "DefaultHeader_AuthorizationSchemeAndCredential_IsAlwaysMasked")]
    public async Task DefaultHeader_SecretEchoed_IsMasked(string name, bool mark)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(context => Faults.JsonAsync(
            context,
            403,
            "{\"error\":{\"message\":\"Header value " + HeaderSecret + " is not allowed\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}",
            ("x-echo", HeaderSecret)));
        AssistantsClientOptions options = Options(server);
        options.ApiKey = null;
        options.DefaultHeaders[name] = name == "Authorization" ? "Custom " + HeaderSecret : HeaderSecret;
        if (mark)
        {
            options.SecretHeaderNames.Add(name.ToLowerInvariant());
        }

        using HttpClient http = new();
        using AssistantsApiClient client = new(http, options);

        AuthenticationFailedException error = Assert.ThrowsAsync<AuthenticationFailedException>(() => client.Assistants.GetAsync("asst_1"))!;

        Assert.That(server.Requests[0].Headers[name], Does.EndWith(HeaderSecret), "the header was sent");
        AssertClean(SecretScan.Strings(error), HeaderSecret);
        AssertLogsClean(HeaderSecret);
    }

    [Test]
    public async Task DefaultHeader_NotMarkedSecret_IsShownAsItIs()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(context => Faults.JsonAsync(
            context, 400, "{\"error\":{\"message\":\"tenant " + HeaderSecret + " unknown\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}"));
        AssistantsClientOptions options = Options(server);
        options.DefaultHeaders["X-Tenant"] = HeaderSecret;
        using HttpClient http = new();
        using AssistantsApiClient client = new(http, options);

        AssistantsApiException error = Assert.ThrowsAsync<AssistantsApiException>(() => client.Assistants.GetAsync("asst_1"))!;

        Assert.That(error.Error!.Message, Is.EqualTo("tenant " + HeaderSecret + " unknown"));
    }

    [Test]
    public async Task Logs_RequestIdAndRetriesEchoingTheKey_NoLineHoldsIt()
    {
        int call = 0;
        await using LoopbackServer server = await LoopbackServer.StartAsync(context => ++call < 3
            ? Faults.JsonAsync(context, 500, "{\"error\":{\"message\":\"boom " + Key + "\",\"type\":\"server_error\",\"param\":null,\"code\":null}}", ("x-request-id", "req-" + Key))
            : Faults.JsonAsync(context, 200, RetryTests.AssistantJson, ("x-request-id", "req-" + Key)));
        AssistantsClientOptions options = Options(server);
        options.Retry.InitialDelay = TimeSpan.FromMilliseconds(1);
        options.Retry.Jitter = false;
        using HttpClient http = new();
        using AssistantsApiClient client = new(http, options);

        await client.Assistants.GetAsync("asst_1");

        Assert.That(server.Count("GET", "/assistants/asst_1"), Is.EqualTo(3));
        LogLine[] sent = _logs.Lines.Where(l => l.EventName == "RequestSent").ToArray();
        Assert.That(sent, Has.Length.EqualTo(3));
        Assert.That(sent.Select(l => l.Message), Has.All.Contains("request id req-[REDACTED]"), "the line is written, the key masked");
        Assert.That(sent.Select(l => l.State.First(kv => kv.Key == "RequestId").Value), Has.All.EqualTo("req-[REDACTED]"), "structured values are masked too");
        Assert.That(_logs.Lines.Where(l => l.EventName == "RetryScheduled").ToArray(), Has.Length.EqualTo(2));
        AssertLogsClean(Key);
    }

    [TestCase(200, "application/json", "{\"id\":\"asst_1\",\"object\":\"assistant\",\"name\":\"{{PAD}}\",\"tools\":{{KEY}}", TestName = "MalformedJson_KeyAcrossTheExcerptCut_IsClean")]
    [TestCase(200, "application/json", "{\"id\":\"asst_1\",\"{{KEY}}\":1,\"tools\":[1,]}", TestName = "MalformedJson_KeyAsPropertyName_IsClean")]
    [TestCase(200, "text/html", "<html><body>Sign in. Your key {{KEY}} was rejected.</body></html>", TestName = "MalformedJson_HtmlLoginPage_IsClean")]
    [TestCase(502, "text/html", "<html><body>Bad gateway for key {{KEY}}</body></html>", TestName = "ErrorStatus_HtmlBody_IsClean")]
    public async Task UnreadableBody_EchoingTheKey_NoFieldHoldsIt(int status, string contentType, string body)
    {
        // {{PAD}} puts the key across the 400th byte, where the client cuts its excerpt of an unreadable body.
        int pad = Math.Max(0, 380 - body.Replace("{{PAD}}", string.Empty, StringComparison.Ordinal).IndexOf("{{KEY}}", StringComparison.Ordinal));
        byte[] bytes = Encoding.UTF8.GetBytes(body.Replace("{{PAD}}", new string('p', pad), StringComparison.Ordinal).Replace("{{KEY}}", Key, StringComparison.Ordinal));
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        });
        AssistantsClientOptions options = Options(server);
        options.Retry.MaxRetries = 0;
        using HttpClient http = new();
        using AssistantsApiClient client = new(http, options);

        AssistantsApiException error = Assert.ThrowsAsync(Is.InstanceOf<AssistantsApiException>(), () => client.Assistants.GetAsync("asst_1")) as AssistantsApiException
            ?? throw new AssertionException("expected an AssistantsApiException");

        AssertClean(SecretScan.Strings(error), Key);
        AssertClean(SecretScan.Strings(error), Key.Substring(0, 12));
        AssertLogsClean(Key);
    }

    [Test]
    public async Task ShortKey_IsNotASecret_MessagesStayIntact()
    {
        const string message = "Incorrect API key provided: x. Fix the xylophone-x-axis (x).";
        await using LoopbackServer server = await LoopbackServer.StartAsync(context => Faults.JsonAsync(
            context, 401, "{\"error\":{\"message\":\"" + message + "\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}", ("x-extra", "x-x-x")));
        AssistantsClientOptions options = Options(server);
        options.ApiKey = "x";
        using HttpClient http = new();
        using AssistantsApiClient client = new(http, options);

        AuthenticationFailedException error = Assert.ThrowsAsync<AuthenticationFailedException>(() => client.Assistants.GetAsync("asst_1"))!;

        Assert.That(server.Requests[0].Headers["Authorization"], Is.EqualTo("Bearer x"));
        Assert.That(error.Error!.Message, Is.EqualTo(message));
        Assert.That(error.Message, Does.Contain(message));
        Assert.That(error.RawBody, Does.Contain(message));
        Assert.That(error.Headers["x-extra"], Is.EqualTo("x-x-x"));
        Assert.That(SecretScan.Strings(error), Has.None.Contains("[REDACTED]"));
    }

    private static async Task EventStreamAsync(HttpContext context, string events)
    {
        await Faults.DrainBodyAsync(context);
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers["x-echo-key"] = "seen " + Key;
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(events), context.RequestAborted);
    }

    private static void AssertClean(List<string> texts, string secret)
    {
        Assert.That(texts, Is.Not.Empty);
        Assert.That(SecretScan.Leaks(texts, secret).ToArray(), Is.Empty, "a reachable string holds the secret");
    }

    private AssistantsClientOptions Options(LoopbackServer server) => new()
    {
        BaseUrl = server.BaseUrl,
        ApiKey = Key,
        LoggerFactory = _factory,
        Timeouts = { ResponseHeaders = Timeout.InfiniteTimeSpan, Total = Timeout.InfiniteTimeSpan },
    };

    private void AssertLogsClean(string secret)
    {
        string[] lines;
        lock (_logs.Lines)
        {
            lines = _logs.Lines.Select(l => l.AllText).ToArray();
        }

        Assert.That(lines, Is.Not.Empty, "the scenario logged");
        Assert.That(lines.Where(l => l.Contains(secret, StringComparison.Ordinal)).ToArray(), Is.Empty, "a log line holds the secret");
    }
}
