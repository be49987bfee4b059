using System;
using System.Net.Http;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Assistants.Client.Tests.Loopback;

/// <summary>The fixture itself: a real socket round trip, a retry on a 500 seen server-side, a refused port.</summary>
[TestFixture]
public sealed class LoopbackServerTests
{
    [Test]
    public async Task GetAsync_OverLoopback_ReachesServerWithKeyAndPath()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(
            context => Faults.JsonAsync(context, 200, RetryTests.AssistantJson));
        using HttpClient http = new();
        using AssistantsApiClient client = new(http, new AssistantsClientOptions { BaseUrl = server.BaseUrl, ApiKey = "sk-loopback-0123456789" });

        Assistant assistant = await client.Assistants.GetAsync("asst_1");

        Assert.That(assistant.Id, Is.EqualTo("asst_1"));
        Assert.That(assistant.Response?.RequestId, Is.EqualTo("req_loopback"));
        ReceivedRequest request = server.Requests[0];
        Assert.That((request.Method, request.Path), Is.EqualTo(("GET", "/v1/assistants/asst_1")));
        Assert.That(request.Headers["Authorization"], Is.EqualTo("Bearer sk-loopback-0123456789"));
    }

    [Test]
    public async Task GetAsync_500Then200_ServerSeesTwoRequestsOnOneKeptAliveConnection()
    {
        int calls = 0;
        await using LoopbackServer server = await LoopbackServer.StartAsync(context => ++calls == 1
            ? Faults.JsonAsync(context, 500, RetryTests.ServerError)
            : Faults.JsonAsync(context, 200, RetryTests.AssistantJson));
        using HttpClient http = new();
        using AssistantsApiClient client = new(http, new AssistantsClientOptions
        {
            BaseUrl = server.BaseUrl,
            ApiKey = "sk-loopback-0123456789",
            Retry = { InitialDelay = TimeSpan.FromMilliseconds(1), Jitter = false },
        });

        await client.Assistants.GetAsync("asst_1");

        Assert.That(server.Count("GET", "/assistants/asst_1"), Is.EqualTo(2));
        Assert.That(server.Requests[1].EarlierOnConnection, Is.EqualTo(1), "the retry reused the kept-alive connection");
    }

    [Test]
    public void GetAsync_RefusedConnection_FailsWithHttpRequestException()
    {
        using HttpClient http = new();
        using AssistantsApiClient client = new(http, new AssistantsClientOptions
        {
            BaseUrl = LoopbackServer.RefusingBaseUrl(),
            ApiKey = "sk-loopback-0123456789",
            Retry = { MaxRetries = 0 },
        });

        Assert.That(async () => await client.Assistants.GetAsync("asst_1"), Throws.InstanceOf<HttpRequestException>());
    }
}
