using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Assistants.Server.Model;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace Assistants.Server.Tests;

/// <summary>A server stopped and started again on the same data directory finds everything, with interrupted runs settled.</summary>
public sealed class RestartTests
{
    private string _directory = "";

    [SetUp]
    public void SetUp() => _directory = TempDirectory.Create();

    [TearDown]
    public void TearDown() => TempDirectory.Delete(_directory);

    [Test]
    public async Task Restart_OnTheSameDataDirectory_ReadsEverythingBack_AndSettlesTheInterruptedRuns()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 10, 30, 22, 0, 0, TimeSpan.Zero));
        var model = new ScriptedChatClient();
        string[] paths;
        Dictionary<string, string> before = [];
        string busyThread, busyRun, waitingThread, waitingRun;
        await using (var first = new AssistantsServer(new AssistantsServerOptions { DataDirectory = _directory, TimeProvider = time, ChatClient = model }))
        {
            using var http = new HttpClient(first.CreateHandler()) { BaseAddress = new Uri("http://localhost/v1/") };
            string assistant = Id(await PostAsync(http, "assistants", """{"model":"gpt-4o","name":"keeper","metadata":{"k":"v"}}"""));
            string tools = Id(await PostAsync(http, "assistants", """{"model":"gpt-4o","tools":[{"type":"function","function":{"name":"lookup"}}]}"""));
            string thread = Id(await PostAsync(http, "threads", """{"messages":[{"role":"user","content":"first words"}]}"""));
            await PostAsync(http, $"threads/{thread}/messages", """{"role":"user","content":"second words"}""");
            model.Enqueue(ScriptedTurn.Reply("A finished answer."));
            string run = Id(await PostAsync(http, $"threads/{thread}/runs", $$"""{"assistant_id":"{{assistant}}"}"""));
            await first.WaitForIdleAsync();

            using var form = new MultipartFormDataContent
            {
                { new StringContent("assistants"), "purpose" },
                { new ByteArrayContent(Encoding.UTF8.GetBytes("kept on disk")), "file", "kept.txt" },
            };
            string file = Id((JsonObject)JsonNode.Parse(await (await http.PostAsync("files", form)).Content.ReadAsStringAsync())!);
            string vectorStore = Id(await PostAsync(http, "vector_stores", $$"""{"name":"docs","file_ids":["{{file}}"]}"""));
            string batch = Id(await PostAsync(http, $"vector_stores/{vectorStore}/file_batches", $$"""{"file_ids":["{{file}}"]}"""));

            model.Enqueue(ScriptedTurn.CallFunction("lookup"));
            waitingThread = Id(await PostAsync(http, "threads", """{"messages":[{"role":"user","content":"call a tool"}]}"""));
            waitingRun = Id(await PostAsync(http, $"threads/{waitingThread}/runs", $$"""{"assistant_id":"{{tools}}"}"""));
            await first.WaitForIdleAsync();

            ScriptedTurn held = ScriptedTurn.Reply("never finished").HeldUntil(new TaskCompletionSource().Task);
            model.Enqueue(held);
            busyThread = Id(await PostAsync(http, "threads", """{"messages":[{"role":"user","content":"take your time"}]}"""));
            busyRun = Id(await PostAsync(http, $"threads/{busyThread}/runs", $$"""{"assistant_id":"{{assistant}}"}"""));
            await held.Started;
            Assert.That((string?)(await GetAsync(http, $"threads/{busyThread}/runs/{busyRun}"))["status"], Is.EqualTo("in_progress"));

            paths =
            [
                "assistants?order=asc", $"assistants/{assistant}", $"threads/{thread}", $"threads/{thread}/messages?order=asc",
                $"threads/{thread}/runs", $"threads/{thread}/runs/{run}", $"threads/{thread}/runs/{run}/steps", "files",
                $"files/{file}", $"vector_stores/{vectorStore}", $"vector_stores/{vectorStore}/files",
                $"vector_stores/{vectorStore}/file_batches/{batch}", $"vector_stores/{vectorStore}/file_batches/{batch}/files",
                $"threads/{waitingThread}/messages",
            ];
            foreach (string path in paths)
            {
                before[path] = (await GetAsync(http, path)).ToJsonString();
            }

            before["content"] = await http.GetStringAsync($"files/{file}/content");
            paths = [.. paths, $"files/{file}/content"];
        }

        await using var second = new AssistantsServer(new AssistantsServerOptions { DataDirectory = _directory, TimeProvider = time, ChatClient = model });
        using var again = new HttpClient(second.CreateHandler()) { BaseAddress = new Uri("http://localhost/v1/") };
        foreach (string path in paths[..^1])
        {
            Assert.That((await GetAsync(again, path)).ToJsonString(), Is.EqualTo(before[path]), path);
        }

        Assert.That(await again.GetStringAsync(paths[^1]), Is.EqualTo(before["content"]));

        foreach ((string thread, string run) in new[] { (busyThread, busyRun), (waitingThread, waitingRun) })
        {
            JsonObject settled = await GetAsync(again, $"threads/{thread}/runs/{run}");
            Assert.That((string?)settled["status"], Is.EqualTo("failed"), run);
            Assert.That((string?)settled["last_error"]!["code"], Is.EqualTo("server_error"));
            Assert.That((string?)settled["last_error"]!["message"], Does.Contain("server stopped while this run was active"));
            Assert.That(settled["expires_at"], Is.Null);
            JsonObject steps = await GetAsync(again, $"threads/{thread}/runs/{run}/steps");
            Assert.That(steps["data"]!.AsArray(), Has.All.Matches<JsonNode>(step => (string?)step["status"] != "in_progress"));
        }

        // The settled threads are free again.
        await PostAsync(again, $"threads/{busyThread}/messages", """{"role":"user","content":"are you back?"}""");
        string assistantId = (string)(await GetAsync(again, $"threads/{busyThread}/runs/{busyRun}"))["assistant_id"]!;
        JsonObject rerun = await PostAsync(again, $"threads/{busyThread}/runs", $$"""{"assistant_id":"{{assistantId}}"}""");
        await second.WaitForIdleAsync();
        Assert.That((string?)(await GetAsync(again, $"threads/{busyThread}/runs/{Id(rerun)}"))["status"], Is.EqualTo("completed"));
    }

    private static string Id(JsonObject json) => (string)json["id"]!;

    private static async Task<JsonObject> PostAsync(HttpClient http, string path, string json = "{}")
    {
        using HttpResponseMessage response = await http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
        string text = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, text);
        return (JsonObject)JsonNode.Parse(text)!;
    }

    private static async Task<JsonObject> GetAsync(HttpClient http, string path)
    {
        using HttpResponseMessage response = await http.GetAsync(path);
        string text = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, text);
        return (JsonObject)JsonNode.Parse(text)!;
    }
}
