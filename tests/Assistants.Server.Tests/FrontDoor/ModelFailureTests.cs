using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using NUnit.Framework;

namespace Assistants.Server.Tests.FrontDoor;

public sealed class ModelFailureTests
{
    private const string Secret = "upstream said: invalid key sk-provider-1234 at https://internal.example/v1";

    [TestCase(false)]
    [TestCase(true)]
    public async Task ThrowingModel_FailsTheRun_WithAGenericServerError_AndLogsTheDetail(bool stream)
    {
        using var log = new ListLoggerProvider();
        await using var server = new AssistantsServer(new AssistantsServerOptions { ChatClient = new ThrowingChatClient(), LoggerFactory = log });
        using var http = new HttpClient(server.CreateHandler()) { BaseAddress = new Uri("http://localhost/v1/") };
        string assistantId = (string)JsonNode.Parse(await PostAsync(http, "assistants", """{"model":"gpt-4o"}"""))!["id"]!;
        string threadId = (string)JsonNode.Parse(await PostAsync(http, "threads", """{"messages":[{"role":"user","content":"hi"}]}"""))!["id"]!;

        string created = await PostAsync(http, $"threads/{threadId}/runs", $$"""{"assistant_id":"{{assistantId}}","stream":{{(stream ? "true" : "false")}}}""");
        await server.WaitForIdleAsync();
        string runs = await http.GetStringAsync($"threads/{threadId}/runs");

        JsonObject run = (JsonObject)JsonNode.Parse(runs)!["data"]![0]!;
        Assert.That((string?)run["status"], Is.EqualTo("failed"));
        Assert.That((string?)run["last_error"]!["code"], Is.EqualTo("server_error"));
        string message = (string)run["last_error"]!["message"]!;
        Match id = Regex.Match(message, "^The server had an error while processing your request. Request id: (req_[0-9a-f]{32})$");
        Assert.That(id.Success, Is.True, message);
        Assert.That(created + runs, Does.Not.Contain("sk-provider").And.Not.Contain("internal.example").And.Not.Contain(nameof(InvalidOperationException)));
        if (stream)
        {
            Assert.That(created, Does.Contain("thread.run.failed").And.Contain(id.Groups[1].Value));
        }

        string logged = log.Lines.Single(line => line.Contains(id.Groups[1].Value, StringComparison.Ordinal));
        Assert.That(logged, Does.StartWith("Error").And.Contain(Secret).And.Contain((string)run["id"]!));
    }

    private static async Task<string> PostAsync(HttpClient http, string path, string json)
    {
        using HttpResponseMessage response = await http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>A model whose provider fails with a message that must not reach clients.</summary>
    private sealed class ThrowingChatClient : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException(Secret);

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            throw new InvalidOperationException(Secret);
#pragma warning disable CS0162 // An async iterator needs a yield to be one.
            yield break;
#pragma warning restore CS0162
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
