using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Assistants.Server.Model;
using NUnit.Framework;

namespace Assistants.Server.Tests;

/// <summary>Races on one thread stay exactly-once under per-thread gates; memory held per run is released when it ends.</summary>
[TestFixture(StoreKind.Memory)]
[TestFixture(StoreKind.Sqlite)]
public sealed class ConcurrencyTests(StoreKind store)
{
    private const int Racers = 20;

    [Test]
    public async Task CreateRun_TwentyInParallelOnOneThread_ExactlyOneAccepted()
    {
        await using TestApi api = TestApi.CreateRacy(store);
        string assistantId = await api.CreateAssistantAsync();
        string threadId = await api.CreateThreadAsync();
        var release = new TaskCompletionSource();
        api.Model.Enqueue(ScriptedTurn.Reply("only one").HeldUntil(release.Task));

        var results = await Task.WhenAll(Enumerable.Range(0, Racers).Select(_ => Task.Run(() =>
            api.SendAsync(HttpMethod.Post, $"threads/{threadId}/runs", $$"""{"assistant_id":"{{assistantId}}"}"""))));

        var accepted = results.Where(result => result.Status == HttpStatusCode.OK).ToList();
        Assert.That(accepted, Has.Count.EqualTo(1));
        string runId = (string)accepted[0].Body["id"]!;
        Assert.That(results.Where(result => result.Status == HttpStatusCode.BadRequest).Select(result => (string?)result.Body["error"]!["message"]),
            Has.Exactly(Racers - 1).EqualTo($"Thread {threadId} already has an active run {runId}."));
        release.SetResult();
        await api.Server.WaitForIdleAsync();
        JsonObject runs = await api.GetAsync($"threads/{threadId}/runs");
        Assert.That(runs["data"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That((string?)runs["data"]![0]!["status"], Is.EqualTo("completed"));
    }

    [Test]
    public async Task SubmitToolOutputs_TwentyInParallel_ExactlyOneAccepted()
    {
        await using TestApi api = TestApi.CreateRacy(store);
        string assistantId = await api.CreateAssistantAsync(TestApi.WeatherTool);
        string threadId = await api.CreateThreadAsync();
        api.Model.Enqueue(ScriptedTurn.CallFunction("get_current_weather")).Enqueue(ScriptedTurn.Reply("Sunny."));
        string runId = (string)(await api.PostAsync($"threads/{threadId}/runs", $$"""{"assistant_id":"{{assistantId}}"}"""))["id"]!;
        await api.Server.WaitForIdleAsync();
        JsonObject waiting = await api.GetAsync($"threads/{threadId}/runs/{runId}");
        string callId = (string)waiting["required_action"]!["submit_tool_outputs"]!["tool_calls"]![0]!["id"]!;

        var results = await Task.WhenAll(Enumerable.Range(0, Racers).Select(i => Task.Run(() =>
            api.SendAsync(HttpMethod.Post, $"threads/{threadId}/runs/{runId}/submit_tool_outputs",
                $$"""{"tool_outputs":[{"tool_call_id":"{{callId}}","output":"sunny {{i}}"}]}"""))));

        Assert.That(results.Count(result => result.Status == HttpStatusCode.OK), Is.EqualTo(1));
        Assert.That(results.Where(result => result.Status != HttpStatusCode.OK).Select(result => (string?)result.Body["error"]!["message"]),
            Has.All.Match("^Runs in status \"(queued|in_progress|completed)\" do not accept tool outputs\\.$"));
        await api.Server.WaitForIdleAsync();
        JsonObject steps = await api.GetAsync($"threads/{threadId}/runs/{runId}/steps?order=asc");
        Assert.That(steps["data"]!.AsArray(), Has.Count.EqualTo(2));
        Assert.That((string?)(await api.GetAsync($"threads/{threadId}/runs/{runId}"))["status"], Is.EqualTo("completed"));
    }

    [Test]
    public async Task CreateMessage_RacingCreateRun_NeverLandsWhileTheRunIsActive()
    {
        await using TestApi api = TestApi.CreateRacy(store);
        string assistantId = await api.CreateAssistantAsync();
        string threadId = await api.CreateThreadAsync();
        var release = new TaskCompletionSource();
        api.Model.Enqueue(ScriptedTurn.Reply("held").HeldUntil(release.Task));

        Task<(HttpStatusCode Status, JsonObject Body, HttpResponseMessage Response)> run = Task.Run(() =>
            api.SendAsync(HttpMethod.Post, $"threads/{threadId}/runs", $$"""{"assistant_id":"{{assistantId}}"}"""));
        var messages = await Task.WhenAll(Enumerable.Range(0, Racers).Select(i => Task.Run(() =>
            api.SendAsync(HttpMethod.Post, $"threads/{threadId}/messages", $$"""{"role":"user","content":"message {{i}}"}"""))));
        var created = await run;
        Assert.That(created.Status, Is.EqualTo(HttpStatusCode.OK));

        // Every message accepted was stored before the run: the run's created_at order cannot show it, so the
        // model's prompt does. Every refused one names the run.
        Assert.That(messages.Where(result => result.Status != HttpStatusCode.OK).Select(result => (string?)result.Body["error"]!["message"]),
            Has.All.EqualTo($"Can't add messages to {threadId} while a run {(string)created.Body["id"]!} is active."));
        release.SetResult();
        await api.Server.WaitForIdleAsync();
        JsonObject list = await api.GetAsync($"threads/{threadId}/messages?limit=100");
        int accepted = messages.Count(result => result.Status == HttpStatusCode.OK);
        Assert.That(list["data"]!.AsArray(), Has.Count.EqualTo(1 + accepted + 1));
    }

    [Test]
    public async Task FinishedRuns_LeaveNothingInMemory_ButTheirRecords()
    {
        await using TestApi api = TestApi.CreateRacy(store);
        string assistantId = await api.CreateAssistantAsync(TestApi.WeatherTool);
        var waiting = new System.Collections.Generic.List<(string Thread, string Run)>();
        for (int i = 0; i < 30; i++)
        {
            string threadId = await api.CreateThreadAsync($"thread {i}");
            if (i % 3 == 0)
            {
                api.Model.Enqueue(ScriptedTurn.CallFunction("get_current_weather"));
            }

            var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
                api.SendAsync(HttpMethod.Post, $"threads/{threadId}/runs", $$"""{"assistant_id":"{{assistantId}}"}"""))));
            await api.Server.WaitForIdleAsync();
            if (i % 3 == 0)
            {
                waiting.Add((threadId, (string)results.Single(result => result.Status == HttpStatusCode.OK).Body["id"]!));
            }
        }

        Assert.That(api.Server.MemoryFootprint, Is.EqualTo((10, 10)), "only the 10 runs waiting for tool outputs are held");

        api.Time.Advance(System.TimeSpan.FromSeconds(600));
        foreach ((string thread, string run) in waiting)
        {
            Assert.That((string?)(await api.GetAsync($"threads/{thread}/runs/{run}"))["status"], Is.EqualTo("expired"));
        }

        Assert.That(api.Server.MemoryFootprint, Is.EqualTo((0, 0)));
    }
}
