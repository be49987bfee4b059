using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Assistants.Server.Http;
using NUnit.Framework;

namespace Assistants.Server.Tests.FrontDoor;

public sealed class AuthenticationTests
{
    private const string Key = "sk-test-right-key-0123456789";
    private const string WrongKey = "sk-test-wrong-key-9876543210";

    [Test]
    public async Task InProcess_WithKeys_MissingKey_Is401WithTheServiceEnvelope()
    {
        await using var server = new AssistantsServer(new AssistantsServerOptions { ApiKeys = { Key } });
        using var http = new HttpClient(server.CreateHandler()) { BaseAddress = new Uri("http://localhost/v1/") };

        using HttpResponseMessage response = await http.GetAsync("assistants");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        JsonObject error = (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        Assert.That((string?)error["message"], Does.StartWith("You didn't provide an API key."));
        Assert.That((string?)error["type"], Is.EqualTo("invalid_request_error"));
        Assert.That(error.ContainsKey("param") && error.ContainsKey("code"), Is.True);
        Assert.That(response.Headers.Contains("x-request-id"), Is.True);
    }

    [TestCase("Bearer")]
    [TestCase("api-key")]
    public async Task InProcess_WrongKey_Is401InvalidApiKey_AndNeverEchoesTheKey(string header)
    {
        await using var server = new AssistantsServer(new AssistantsServerOptions { ApiKeys = { Key } });
        using var http = new HttpClient(server.CreateHandler()) { BaseAddress = new Uri("http://localhost/v1/") };

        using HttpResponseMessage response = await http.SendAsync(WithKey(new HttpRequestMessage(HttpMethod.Get, "assistants"), header, WrongKey));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        string text = await response.Content.ReadAsStringAsync();
        Assert.That((string?)JsonNode.Parse(text)!["error"]!["code"], Is.EqualTo("invalid_api_key"));
        Assert.That(text, Does.Not.Contain(WrongKey).And.Not.Contain(Key).And.Not.Contain(WrongKey[..12]));
        Assert.That(response.Headers.ToString(), Does.Not.Contain(WrongKey));
    }

    [TestCase("Bearer")]
    [TestCase("api-key")]
    public async Task InProcess_RightKey_IsServed(string header)
    {
        await using var server = new AssistantsServer(new AssistantsServerOptions { ApiKeys = { "sk-another", Key } });
        using var http = new HttpClient(server.CreateHandler()) { BaseAddress = new Uri("http://localhost/v1/") };

        using HttpResponseMessage response = await http.SendAsync(WithKey(new HttpRequestMessage(HttpMethod.Get, "assistants"), header, Key));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task InProcess_WithoutConfiguredKeys_NeedsNoKey()
    {
        await using var server = new AssistantsServer();
        using var http = new HttpClient(server.CreateHandler()) { BaseAddress = new Uri("http://anything.example/v1/") };

        using HttpResponseMessage response = await http.GetAsync("assistants");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task OverKestrel_MissingWrongAndRightKey()
    {
        await using KestrelAssistants host = await KestrelAssistants.StartAsync(new AssistantsServerOptions { ApiKeys = { Key } });

        using HttpResponseMessage missing = await host.Http.GetAsync("assistants");
        using HttpResponseMessage wrong = await host.Http.SendAsync(WithKey(new HttpRequestMessage(HttpMethod.Get, "assistants"), "Bearer", WrongKey));
        using HttpResponseMessage right = await host.Http.SendAsync(WithKey(new HttpRequestMessage(HttpMethod.Get, "assistants"), "Bearer", Key));
        using HttpResponseMessage rightHeader = await host.Http.SendAsync(WithKey(new HttpRequestMessage(HttpMethod.Get, "assistants"), "api-key", Key));

        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await wrong.Content.ReadAsStringAsync(), Does.Contain("invalid_api_key").And.Not.Contain(WrongKey));
        Assert.That(right.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(rightHeader.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task WithoutKeys_AConnectionToANonLoopbackAddress_IsRefused()
    {
        // Kestrel can only be reached on 127.0.0.1 in tests, so the bridge's view of a LAN connection is given directly.
        await using var server = new AssistantsServer();
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://192.168.1.20:5080/v1/assistants");

        using HttpResponseMessage response = await server.SendAsync(request, new RequestOrigin(OverSocket: true, LoopbackConnection: false), default);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("no API keys configured"));
    }

    private static HttpRequestMessage WithKey(HttpRequestMessage request, string header, string key)
    {
        if (header == "Bearer")
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        else
        {
            request.Headers.Add("api-key", key);
        }

        return request;
    }
}
