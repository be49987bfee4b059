using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Assistants.Client.Tests.Loopback;
using NUnit.Framework;
using static Assistants.Client.Tests.Streaming.StreamTestHelpers;

namespace Assistants.Client.Tests;

/// <summary>
/// Successful answers of the wrong content type over real sockets: a server that ignored <c>"stream": true</c>
/// and answered the run as JSON, and a proxy's HTML page on a JSON call and on a stream call.
/// </summary>
[TestFixture]
public sealed class ContentTypeTests
{
    private const string Key = "sk-loopback-0123456789";
    private const string LoginPage = "<!DOCTYPE html><html><head><title>Sign in</title></head><body>Please sign in to the corporate proxy.</body></html>";

    private static AssistantsApiClient NewClient(LoopbackServer server)
        => new(new AssistantsClientOptions { BaseUrl = server.BaseUrl, ApiKey = Key, Retry = { MaxRetries = 0 } });

    [Test]
    public async Task CreateStreamingAsync_AnsweredWithAJsonRun_YieldsTheRunThenItsRetrievedState()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(context => context.Request.Method == "GET"
            ? Faults.JsonAsync(context, 200, Run("completed"))
            : Faults.JsonAsync(context, 200, Run("queued")));
        using AssistantsApiClient client = NewClient(server);

        await using RunStream stream = await client.Runs.CreateStreamingAsync("thread_1", "asst_1");
        List<StreamingUpdate> updates = await stream.ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(updates.Select(Describe), Is.EqualTo(new[] { "thread.run.queued run_1 queued", "thread.run.completed run_1 completed" }));
            Assert.That(((RunUpdate)updates[1]).IsRetrieved, Is.True);
            Assert.That(stream.Response?.RequestId, Is.EqualTo("req_loopback"));
            Assert.That(stream.LatestRun!.Status, Is.EqualTo(RunStatus.Completed));
            Assert.That(server.Requests.Select(r => r.Method + " " + r.Path), Is.EqualTo(new[] { "POST /v1/threads/thread_1/runs", "GET /v1/threads/thread_1/runs/run_1" }));
        });
    }

    [Test]
    public async Task StreamToolLoop_AnsweredWithJsonRuns_StillRunsTheToolsAndFinishes()
    {
        const string requiresAction = """{"id":"run_1","object":"thread.run","created_at":1,"thread_id":"thread_1","assistant_id":"asst_1","status":"requires_action","required_action":{"type":"submit_tool_outputs","submit_tool_outputs":{"tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{}"}}]}}}""";
        await using LoopbackServer server = await LoopbackServer.StartAsync(context => context.Request.Path.Value!.EndsWith("/submit_tool_outputs", StringComparison.Ordinal)
            ? Faults.JsonAsync(context, 200, Run("completed"))
            : Faults.JsonAsync(context, 200, requiresAction));
        using AssistantsApiClient client = NewClient(server);
        FunctionToolRegistry tools = new FunctionToolRegistry().Add("get_weather", _ => "sunny");

        ThreadRun run = await client.Runs.CreateAndStreamToolsAsync("thread_1", "asst_1", tools, new Streaming.RecordingHandler());

        Assert.That(run.Status, Is.EqualTo(RunStatus.Completed));
        Assert.That(server.Count("POST", "/runs/run_1/submit_tool_outputs"), Is.EqualTo(1));
    }

    [Test]
    public async Task JsonCall_Answered200WithHtml_ThrowsNamingTheContentTypeStatusAndRequestId()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(context => Faults.BodyAsync(context, "text/html; charset=utf-8", LoginPage + new string('x', 20_000)));
        using AssistantsApiClient client = NewClient(server);

        AssistantsApiException error = Assert.ThrowsAsync<AssistantsApiException>(async () => await client.Assistants.GetAsync("asst_1"))!;

        AssertNamesTheHtmlPage(error, "application/json");
        Assert.That(server.Count("GET", "/assistants/asst_1"), Is.EqualTo(1));
    }

    [Test]
    public async Task StreamCall_Answered200WithHtml_ThrowsNamingTheContentTypeStatusAndRequestId()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(context => Faults.BodyAsync(context, "text/html; charset=utf-8", LoginPage + new string('x', 20_000)));
        using AssistantsApiClient client = NewClient(server);

        AssistantsApiException error = Assert.ThrowsAsync<AssistantsApiException>(async () => await client.Runs.CreateStreamingAsync("thread_1", "asst_1"))!;

        AssertNamesTheHtmlPage(error, "text/event-stream");
        Assert.That(server.Requests, Has.Count.EqualTo(1), "nothing else was sent (no cancel: no run was started)");
    }

    [Test]
    public async Task JsonCall_WithoutContentType_IsParsed()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(context => Faults.BodyAsync(context, null, RetryTests.AssistantJson));
        using AssistantsApiClient client = NewClient(server);

        Assistant assistant = await client.Assistants.GetAsync("asst_1");

        Assert.That(assistant.Id, Is.EqualTo("asst_1"));
    }

    [Test]
    public async Task JsonCall_WithAPlusJsonContentType_IsParsed()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(context => Faults.BodyAsync(context, "application/vnd.api+json; charset=utf-8", RetryTests.AssistantJson));
        using AssistantsApiClient client = NewClient(server);

        Assistant assistant = await client.Assistants.GetAsync("asst_1");

        Assert.That(assistant.Id, Is.EqualTo("asst_1"));
    }

    [Test]
    public async Task JsonCall_ValidJsonUnderTextPlain_IsParsed()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(context => Faults.BodyAsync(context, "text/plain", RetryTests.AssistantJson));
        using AssistantsApiClient client = NewClient(server);

        Assistant assistant = await client.Assistants.GetAsync("asst_1");

        Assert.That(assistant.Id, Is.EqualTo("asst_1"));
    }

    private static void AssertNamesTheHtmlPage(AssistantsApiException error, string expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(error, Is.Not.InstanceOf<StreamEndedEarlyException>());
            Assert.That(error.Message, Does.Contain("'text/html; charset=utf-8'"));
            Assert.That(error.Message, Does.Contain(expected + " was expected"));
            Assert.That(error.Message, Does.Contain("200"));
            Assert.That(error.Message, Does.Contain("req_loopback"));
            Assert.That(error.Message, Does.Contain("Please sign in"));
            Assert.That(error.Message.Length, Is.LessThan(800), "the excerpt is short");
            Assert.That(error.Status, Is.EqualTo(200));
            Assert.That(error.RequestId, Is.EqualTo("req_loopback"));
            Assert.That(error.RawBody, Does.StartWith("<!DOCTYPE html>"));
            Assert.That(error.RawBody!.Length, Is.EqualTo(4096), "the kept body is capped");
        });
    }
}
