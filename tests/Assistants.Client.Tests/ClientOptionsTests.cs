using System;
using System.Net.Http;
using System.Threading.Tasks;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Assistants.Client.Tests;

[TestFixture]
public sealed class ClientOptionsTests
{
    private const string Empty = """{"data":[],"has_more":false}""";

    [Test]
    public async Task DefaultOptions_SendBearerBetaHeaderUserAgentAndAccept()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Get, "assistants", Empty);

        await wire.Client.Assistants.ListAsync().ToListAsync();

        CapturedRequest request = wire.Single;
        Assert.Multiple(() =>
        {
            Assert.That(request.Headers["Authorization"], Is.EqualTo("Bearer " + Wire.ApiKey));
            Assert.That(request.Headers["OpenAI-Beta"], Is.EqualTo("assistants=v2"));
            Assert.That(request.Headers["User-Agent"], Does.StartWith("Assistants.Client/"));
            Assert.That(request.Headers["Accept"], Is.EqualTo("application/json"));
            Assert.That(request.Headers.ContainsKey("api-key"), Is.False);
            Assert.That(request.Headers.ContainsKey("OpenAI-Organization"), Is.False);
        });
    }

    [Test]
    public async Task ApiKeyHeaderScheme_ApiVersionAndOrgProject_AreSentAsConfigured()
    {
        using Wire wire = new(o =>
        {
            o.AuthenticationScheme = AuthenticationScheme.ApiKeyHeader;
            o.ApiVersion = "v1";
            o.Organization = "org_1";
            o.Project = "proj_1";
            o.BetaHeader = null;
            o.DefaultHeaders["x-ms-client"] = "test";
        });
        wire.Expect(HttpMethod.Get, "assistants?limit=5&api-version=v1", Empty);

        await wire.Client.Assistants.ListAsync(new AssistantCollectionOptions { Limit = 5 }).ToListAsync();

        CapturedRequest request = wire.Single;
        Assert.Multiple(() =>
        {
            Assert.That(request.Uri, Is.EqualTo("https://api.test/v1/assistants?limit=5&api-version=v1"));
            Assert.That(request.Headers["api-key"], Is.EqualTo(Wire.ApiKey));
            Assert.That(request.Headers.ContainsKey("Authorization"), Is.False);
            Assert.That(request.Headers.ContainsKey("OpenAI-Beta"), Is.False);
            Assert.That(request.Headers["OpenAI-Organization"], Is.EqualTo("org_1"));
            Assert.That(request.Headers["OpenAI-Project"], Is.EqualTo("proj_1"));
            Assert.That(request.Headers["x-ms-client"], Is.EqualTo("test"));
        });
    }

    [Test]
    public async Task TokenProvider_IsAskedOnEveryRequest()
    {
        int calls = 0;
        using Wire wire = new(o =>
        {
            o.ApiKey = null;
            o.TokenProvider = _ => new ValueTask<string>("token-" + ++calls);
        });
        wire.Expect(HttpMethod.Get, "assistants", Empty);
        wire.Expect(HttpMethod.Get, "assistants", Empty);

        await wire.Client.Assistants.ListAsync().ToListAsync();
        await wire.Client.Assistants.ListAsync().ToListAsync();

        Assert.That(wire.Requests[0].Headers["Authorization"], Is.EqualTo("Bearer token-1"));
        Assert.That(wire.Requests[1].Headers["Authorization"], Is.EqualTo("Bearer token-2"));
    }

    [Test]
    public async Task PathPrefixInBaseUrl_IsKept()
    {
        using Wire wire = new(o => o.BaseUrl = new Uri("https://res.services.ai.azure.com/api/projects/p1"));
        wire.Mock.Expect(HttpMethod.Get, "https://res.services.ai.azure.com/api/projects/p1/assistants").Respond("application/json", Empty);

        await wire.Client.Assistants.ListAsync().ToListAsync();

        Assert.That(wire.Single.Uri, Is.EqualTo("https://res.services.ai.azure.com/api/projects/p1/assistants"));
    }

    [Test]
    public void PlainHttpToRemoteHost_WithCredentials_IsRefusedBeforeSending()
    {
        using Wire wire = new(o => o.BaseUrl = new Uri("http://assistants.example.com/v1/"));

        InvalidOperationException error = Assert.ThrowsAsync<InvalidOperationException>(() => wire.Client.Assistants.GetAsync("asst_1"))!;

        Assert.That(error.Message, Does.Contain("plain http"));
        Assert.That(error.Message, Does.Not.Contain(Wire.ApiKey));
        Assert.That(wire.Requests, Is.Empty);
    }

    [Test]
    public async Task PlainHttpToLoopback_IsAllowed()
    {
        using Wire wire = new(o => o.BaseUrl = new Uri("http://127.0.0.1:5080/v1/"));
        wire.Mock.Expect(HttpMethod.Get, "http://127.0.0.1:5080/v1/assistants").Respond("application/json", Empty);

        await wire.Client.Assistants.ListAsync().ToListAsync();

        Assert.That(wire.Single.Headers["Authorization"], Is.EqualTo("Bearer " + Wire.ApiKey));
    }

    [Test]
    public void OptionsToString_NeverShowsTheKey()
    {
        AssistantsClientOptions options = new() { ApiKey = Wire.ApiKey };

        Assert.That(options.ToString(), Does.Not.Contain(Wire.ApiKey));
        Assert.That(options.ToString(), Does.Contain("(set)"));
    }

    [Test]
    public async Task OptionsChangedAfterConstruction_DoNotAffectTheClient()
    {
        AssistantsClientOptions options = new() { BaseUrl = new Uri(Wire.BaseUrl), ApiKey = "first" };
        MockHttpMessageHandler mock = new();
        CapturingHandler capture = new(mock);
        mock.When("*").Respond("application/json", Empty);
        using HttpClient http = new(capture);
        using AssistantsApiClient client = new(http, options);

        options.ApiKey = "second";
        await client.Assistants.ListAsync().ToListAsync();

        Assert.That(capture.Requests[0].Headers["Authorization"], Is.EqualTo("Bearer first"));
    }

    [Test]
    public void Constructors_RejectMissingArguments()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<ArgumentNullException>(() => _ = new AssistantsApiClient((ServerProfile)null!, "k"))!.ParamName, Is.EqualTo("profile"));
            Assert.That(Assert.Throws<ArgumentNullException>(() => _ = new AssistantsApiClient((AssistantsClientOptions)null!))!.ParamName, Is.EqualTo("options"));
            Assert.That(Assert.Throws<ArgumentNullException>(() => _ = new AssistantsApiClient(null!, new AssistantsClientOptions()))!.ParamName, Is.EqualTo("httpClient"));
        });
    }

    [Test]
    public async Task DisposingTheClient_LeavesACallerOwnedHttpClientUsable()
    {
        MockHttpMessageHandler mock = new();
        mock.When("*").Respond("application/json", Empty);
        using HttpClient http = new(mock);
        AssistantsApiClient client = new(http, new AssistantsClientOptions { BaseUrl = new Uri(Wire.BaseUrl), ApiKey = "k" });

        client.Dispose();

        using HttpResponseMessage response = await http.GetAsync(new Uri(Wire.BaseUrl + "assistants"));
        Assert.That(response.IsSuccessStatusCode, Is.True);
    }
}
