using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Assistants.Server.Model;
using Assistants.Server.Storage;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace Assistants.Server.Tests;

/// <summary>A server on a fake clock, reached through a real <see cref="HttpClient"/> with raw JSON.</summary>
internal sealed class TestApi : IAsyncDisposable
{
    private TestApi(TimeSpan startDelay, StoreKind store, bool yielding)
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2025, 10, 30, 22, 0, 0, TimeSpan.Zero));
        Model = new ScriptedChatClient();
        DataDirectory = store == StoreKind.Sqlite ? TempDirectory.Create() : null;
        var options = new AssistantsServerOptions
        {
            TimeProvider = Time,
            ChatClient = Model,
            RunStartDelay = startDelay,
            DataDirectory = DataDirectory,
        };
        IServerStore docs = StoreFactory.Open(options);
        Server = new AssistantsServer(options, yielding ? new YieldingStore(docs) : docs);
        Http = new HttpClient(Server.CreateHandler()) { BaseAddress = new Uri("http://localhost/v1/") };
    }

    public FakeTimeProvider Time { get; }

    public ScriptedChatClient Model { get; }

    public AssistantsServer Server { get; }

    public HttpClient Http { get; }

    /// <summary>Gets the SQLite data directory, or <see langword="null"/> for the in-memory store.</summary>
    public string? DataDirectory { get; }

    public static TestApi Create(TimeSpan startDelay = default, StoreKind store = StoreKind.Memory) => new(startDelay, store, yielding: false);

    /// <summary>A server whose store yields the CPU inside every call, for race tests (<see cref="YieldingStore"/>).</summary>
    public static TestApi CreateRacy(StoreKind store) => new(TimeSpan.Zero, store, yielding: true);

    public async Task<(HttpStatusCode Status, JsonObject Body, HttpResponseMessage Response)> SendAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        request.Headers.Add("OpenAI-Beta", "assistants=v2");
        HttpResponseMessage response = await Http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, (JsonObject)JsonNode.Parse(text)!, response);
    }

    public async Task<JsonObject> PostAsync(string path, string json = "{}")
    {
        var (status, body, _) = await SendAsync(HttpMethod.Post, path, json);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        return body;
    }

    public async Task<JsonObject> GetAsync(string path)
    {
        var (status, body, _) = await SendAsync(HttpMethod.Get, path);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        return body;
    }

    public async Task<List<SseEvent>> StreamAsync(string path, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        using HttpResponseMessage response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/event-stream"));
        return SseEvent.Parse(await response.Content.ReadAsStringAsync());
    }

    public async Task<string> CreateAssistantAsync(string extra = "")
    {
        JsonObject assistant = await PostAsync("assistants", "{\"model\":\"gpt-4o\"" + extra + "}");
        return (string)assistant["id"]!;
    }

    public async Task<string> CreateThreadAsync(string userText = "Hello, assistant!")
    {
        JsonObject thread = await PostAsync("threads", $$"""{"messages":[{"role":"user","content":"{{userText}}"}]}""");
        return (string)thread["id"]!;
    }

    public const string WeatherTool =
        ""","tools":[{"type":"function","function":{"name":"get_current_weather","description":"Gets the user's current weather"}}]""";

    public async ValueTask DisposeAsync()
    {
        await Server.WaitForIdleAsync();
        Http.Dispose();
        await Server.DisposeAsync();
        TempDirectory.Delete(DataDirectory);
    }
}
