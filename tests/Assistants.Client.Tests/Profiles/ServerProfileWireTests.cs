using System;
using System.Net.Http;
using System.Threading.Tasks;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Assistants.Client.Tests;

/// <summary>Each profile pinned by the exact URL, query and headers it sends.</summary>
[TestFixture]
public sealed class ServerProfileWireTests
{
    private const string Thread = """{"id":"thread_1","object":"thread","created_at":1,"metadata":{}}""";
    private const string EmptyList = """{"object":"list","data":[],"has_more":false}""";

    [Test]
    public async Task Foundry_FromResourceName_SendsProjectRoutesApiVersionAndBearerWithoutBeta()
    {
        using Wire wire = new(ServerProfile.Foundry("my-resource", "my-project"), Thread);

        await wire.Client.Threads.GetAsync("thread_1");
        await wire.Client.Messages.ListAsync("thread_1", new MessageCollectionOptions { Limit = 1, Order = ListOrder.Descending }).ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(wire.Requests[0].Uri, Is.EqualTo("https://my-resource.services.ai.azure.com/api/projects/my-project/threads/thread_1?api-version=v1"));
            Assert.That(wire.Requests[1].Uri, Is.EqualTo("https://my-resource.services.ai.azure.com/api/projects/my-project/threads/thread_1/messages?limit=1&order=desc&api-version=v1"));
            Assert.That(wire.Requests[0].Headers["Authorization"], Is.EqualTo("Bearer entra-token"));
            Assert.That(wire.Requests[0].Headers.ContainsKey("OpenAI-Beta"), Is.False);
            Assert.That(wire.Requests[0].Headers.ContainsKey("api-key"), Is.False);
        });
    }

    [Test]
    public async Task Foundry_FromProjectEndpointWithRecordedApiVersion_SendsThatVersion()
    {
        ServerProfile profile = ServerProfile.Foundry(new Uri("https://acct.services.ai.azure.com/api/projects/proj")).WithApiVersion("2025-05-15-preview");
        using Wire wire = new(profile, EmptyList);

        await wire.Client.Threads.ListAsync(new ThreadCollectionOptions { Limit = 5 }).ToListAsync();

        Assert.That(wire.Single.Uri, Is.EqualTo("https://acct.services.ai.azure.com/api/projects/proj/threads?limit=5&api-version=2025-05-15-preview"));
        Assert.That(profile.TokenScope, Is.EqualTo("https://ai.azure.com/.default"));
    }

    [Test]
    public void Foundry_WithApiKeyHeader_FailsAtConstruction()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => new AssistantsApiClient(new AssistantsClientOptions
        {
            Profile = ServerProfile.Foundry("my-resource", "p"),
            ApiKey = "k",
            AuthenticationScheme = AuthenticationScheme.ApiKeyHeader,
        }))!;

        Assert.That(error.Message, Does.StartWith("AssistantsClientOptions.Profile is Foundry, which sets the authentication scheme to Bearer; AssistantsClientOptions.AuthenticationScheme ApiKeyHeader conflicts with it (use ServerProfile.Custom)."));
    }

    [Test]
    public async Task Fabric_SendsItsApiVersionAndBearerWithoutBeta()
    {
        ServerProfile profile = ServerProfile.Fabric(new Uri("https://api.fabric.microsoft.com/v1/workspaces/w1/dataagents/d1/aiassistant/openai"));
        using Wire wire = new(profile, Thread);

        await wire.Client.Threads.CreateAsync();

        Assert.Multiple(() =>
        {
            Assert.That(wire.Single.Uri, Is.EqualTo("https://api.fabric.microsoft.com/v1/workspaces/w1/dataagents/d1/aiassistant/openai/threads?api-version=2024-05-01-preview"));
            Assert.That(wire.Single.Headers["Authorization"], Is.EqualTo("Bearer entra-token"));
            Assert.That(wire.Single.Headers.ContainsKey("OpenAI-Beta"), Is.False);
            Assert.That(profile.TokenScope, Is.EqualTo("https://api.fabric.microsoft.com/.default"));
        });
    }

    [Test]
    public async Task OpenAICompatible_SendsBearerAndBetaWithoutApiVersion()
    {
        using Wire keyed = new(ServerProfile.OpenAICompatible(new Uri("http://localhost:8000/api/v1")), Thread, o => { o.TokenProvider = null; o.ApiKey = "sk-local"; });

        await keyed.Client.Threads.GetAsync("thread_1");

        Assert.Multiple(() =>
        {
            Assert.That(keyed.Single.Uri, Is.EqualTo("http://localhost:8000/api/v1/threads/thread_1"));
            Assert.That(keyed.Single.Headers["Authorization"], Is.EqualTo("Bearer sk-local"));
            Assert.That(keyed.Single.Headers["OpenAI-Beta"], Is.EqualTo("assistants=v2"));
        });
    }

    [Test]
    public async Task EmbeddedOnLoopback_SendsToTheLoopbackPrefixWithBeta()
    {
        using Wire wire = new(ServerProfile.EmbeddedOnLoopback(new Uri("http://127.0.0.1:5080/v1")), Thread, o => o.TokenProvider = null);

        await wire.Client.Threads.GetAsync("thread_1");

        Assert.That(wire.Single.Uri, Is.EqualTo("http://127.0.0.1:5080/v1/threads/thread_1"));
        Assert.That(wire.Single.Headers["OpenAI-Beta"], Is.EqualTo("assistants=v2"));
        Assert.That(wire.Single.Headers.ContainsKey("Authorization"), Is.False);
    }

    [Test]
    public void EmbeddedOnLoopback_WithARemoteHost_IsRefused()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => ServerProfile.EmbeddedOnLoopback(new Uri("http://10.0.0.5/v1")))!;

        Assert.That(error.ParamName, Is.EqualTo("baseUrl"));
    }

    [Test]
    public async Task Custom_SendsExactlyWhatItWasGiven()
    {
        ServerProfile profile = ServerProfile.Custom(new Uri("https://gateway.test/assistants/openai"), "2024-01-01", AuthenticationScheme.ApiKeyHeader, null);
        using Wire wire = new(profile, Thread, o => { o.TokenProvider = null; o.ApiKey = "gw-key"; o.AuthenticationScheme = AuthenticationScheme.ApiKeyHeader; o.DefaultHeaders["x-tenant"] = "t1"; });

        await wire.Client.Threads.GetAsync("thread_1");

        Assert.Multiple(() =>
        {
            Assert.That(wire.Single.Uri, Is.EqualTo("https://gateway.test/assistants/openai/threads/thread_1?api-version=2024-01-01"));
            Assert.That(wire.Single.Headers["api-key"], Is.EqualTo("gw-key"));
            Assert.That(wire.Single.Headers["x-tenant"], Is.EqualTo("t1"));
            Assert.That(wire.Single.Headers.ContainsKey("OpenAI-Beta"), Is.False);
            Assert.That(wire.Single.Headers.ContainsKey("Authorization"), Is.False);
        });
    }

    [Test]
    public void Profile_WithBaseUrlToo_FailsAtConstruction()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => new AssistantsApiClient(new AssistantsClientOptions
        {
            Profile = ServerProfile.Embedded(),
            BaseUrl = new Uri("http://localhost/v1/"),
        }))!;

        Assert.That(error.Message, Does.StartWith("AssistantsClientOptions.Profile is Embedded, which sets the base URL; leave AssistantsClientOptions.BaseUrl unset (or use ServerProfile.Custom)."));
    }

    [Test]
    public async Task Embedded_InProcess_SendsThroughTheHandler_AndLeavesItUndisposed()
    {
        MockHttpMessageHandler mock = new();
        CapturingHandler capture = new(mock);
        mock.When("*").Respond("application/json", Thread);
        using (AssistantsApiClient client = new(ServerProfile.Embedded(capture), null))
        {
            await client.Threads.GetAsync("thread_1");
        }

        using HttpClient stillUsable = new(capture);
        await stillUsable.GetAsync(new Uri("http://localhost/v1/threads/thread_1"));

        Assert.That(capture.Requests[0].Uri, Is.EqualTo("http://localhost/v1/threads/thread_1"));
        Assert.That(capture.Requests[0].Headers["OpenAI-Beta"], Is.EqualTo("assistants=v2"));
        Assert.That(capture.Requests, Has.Count.EqualTo(2), "the handler still works after the client is disposed");
    }

    [Test]
    public void Embedded_WithHandlerAndACallerHttpClient_IsRefused()
    {
        using HttpClient http = new();
        using MockHttpMessageHandler handler = new();

        ArgumentException error = Assert.Throws<ArgumentException>(() => new AssistantsApiClient(http, new AssistantsClientOptions { Profile = ServerProfile.Embedded(handler) }))!;

        Assert.That(error.ParamName, Is.EqualTo("options"));
    }
}
