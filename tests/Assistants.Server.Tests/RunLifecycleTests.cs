using System;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Assistants.Server.Model;
using NUnit.Framework;

namespace Assistants.Server.Tests;

/// <summary>Part of the store conformance suite: every test runs against both stores.</summary>
[TestFixture(StoreKind.Memory)]
[TestFixture(StoreKind.Sqlite)]
public sealed class RunLifecycleTests(StoreKind store)
{
    [Test]
    public async Task CreateRun_WithStartDelay_StaysQueuedUntilClockAdvances_ThenCompletes()
    {
        await using TestApi api = TestApi.Create(startDelay: TimeSpan.FromSeconds(1), store: store);
        string assistantId = await api.CreateAssistantAsync();
        string threadId = await api.CreateThreadAsync();
        var release = new TaskCompletionSource();
        ScriptedTurn turn = ScriptedTurn.Reply("Hello! How can I assist you today?").HeldUntil(release.Task);
        api.Model.Enqueue(turn);

        JsonObject run = await api.PostAsync($"threads/{threadId}/runs", $$"""{"assistant_id":"{{assistantId}}"}""");
        string runId = (string)run["id"]!;
        Assert.That((string?)run["status"], Is.EqualTo("queued"));
        Assert.That((long)run["expires_at"]!, Is.EqualTo((long)run["created_at"]! + 600));
        Assert.That((string?)(await api.GetAsync($"threads/{threadId}/runs/{runId}"))["status"], Is.EqualTo("queued"));

        api.Time.Advance(TimeSpan.FromSeconds(1));
        await turn.Started;
        JsonObject inProgress = await api.GetAsync($"threads/{threadId}/runs/{runId}");
        Assert.That((string?)inProgress["status"], Is.EqualTo("in_progress"));
        Assert.That(inProgress["started_at"], Is.Not.Null);

        release.SetResult();
        await api.Server.WaitForIdleAsync();
        JsonObject completed = await api.GetAsync($"threads/{threadId}/runs/{runId}");
        Assert.That((string?)completed["status"], Is.EqualTo("completed"));
        Assert.That(completed["expires_at"], Is.Null);
        Assert.That((long)completed["usage"]!["completion_tokens"]!, Is.EqualTo(7));

        JsonObject messages = await api.GetAsync($"threads/{threadId}/messages");
        Assert.That((string?)messages["data"]![0]!["content"]![0]!["text"]!["value"], Is.EqualTo("Hello! How can I assist you today?"));
        Assert.That((string?)messages["data"]![0]!["run_id"], Is.EqualTo(runId));
        Assert.That(messages["data"]![0]!.AsObject().ContainsKey("status"), Is.False);

        JsonObject steps = await api.GetAsync($"threads/{threadId}/runs/{runId}/steps");
        Assert.That((string?)steps["data"]![0]!["type"], Is.EqualTo("message_creation"));
        Assert.That((string?)steps["data"]![0]!["status"], Is.EqualTo("completed"));
        Assert.That(steps["data"]![0]!["usage"]!["total_tokens"], Is.Not.Null);
    }

    [Test]
    public async Task FunctionCall_RequiresAction_ThenSubmitToolOutputs_Completes()
    {
        await using TestApi api = TestApi.Create(store: store);
        string assistantId = await api.CreateAssistantAsync(TestApi.WeatherTool);
        api.Model.Enqueue(ScriptedTurn.CallFunction("get_current_weather", """{"city":"Paris"}"""))
            .Enqueue(ScriptedTurn.Reply("It is warm and sunny."));

        JsonObject run = await api.PostAsync("threads/runs", $$$"""{"assistant_id":"{{{assistantId}}}","thread":{"messages":[{"role":"user","content":"Weather?"}]}}""");
        string threadId = (string)run["thread_id"]!;
        string runId = (string)run["id"]!;
        await api.Server.WaitForIdleAsync();

        JsonObject waiting = await api.GetAsync($"threads/{threadId}/runs/{runId}");
        Assert.That((string?)waiting["status"], Is.EqualTo("requires_action"));
        JsonNode call = waiting["required_action"]!["submit_tool_outputs"]!["tool_calls"]![0]!;
        Assert.That((string?)call["function"]!["name"], Is.EqualTo("get_current_weather"));
        Assert.That((string?)call["function"]!["arguments"], Is.EqualTo("""{"city":"Paris"}"""));

        var (busy, error, _) = await api.SendAsync(HttpMethod.Post, $"threads/{threadId}/messages", """{"role":"user","content":"more"}""");
        Assert.That(busy, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string?)error["error"]!["message"], Is.EqualTo($"Can't add messages to {threadId} while a run {runId} is active."));

        JsonObject queued = await api.PostAsync($"threads/{threadId}/runs/{runId}/submit_tool_outputs",
            $$$"""{"tool_outputs":[{"tool_call_id":"{{{(string)call["id"]!}}}","output":"warm and sunny"}]}""");
        Assert.That((string?)queued["status"], Is.EqualTo("queued"));
        Assert.That(queued["required_action"], Is.Null);
        await api.Server.WaitForIdleAsync();

        JsonObject done = await api.GetAsync($"threads/{threadId}/runs/{runId}");
        Assert.That((string?)done["status"], Is.EqualTo("completed"));
        JsonObject steps = await api.GetAsync($"threads/{threadId}/runs/{runId}/steps?order=asc");
        Assert.That((string?)steps["data"]![0]!["step_details"]!["tool_calls"]![0]!["function"]!["output"], Is.EqualTo("warm and sunny"));
        Assert.That((string?)steps["data"]![1]!["type"], Is.EqualTo("message_creation"));

        var (again, againError, _) = await api.SendAsync(HttpMethod.Post, $"threads/{threadId}/runs/{runId}/submit_tool_outputs",
            """{"tool_outputs":[]}""");
        Assert.That(again, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string?)againError["error"]!["message"], Is.EqualTo("Runs in status \"completed\" do not accept tool outputs."));
    }

    [Test]
    public async Task MaxCompletionTokens_CutsReply_RunIncomplete()
    {
        await using TestApi api = TestApi.Create(store: store);
        string assistantId = await api.CreateAssistantAsync();
        string threadId = await api.CreateThreadAsync();
        api.Model.Enqueue(ScriptedTurn.Reply("one two three four five six"));

        JsonObject run = await api.PostAsync($"threads/{threadId}/runs", $$"""{"assistant_id":"{{assistantId}}","max_completion_tokens":3}""");
        await api.Server.WaitForIdleAsync();

        JsonObject after = await api.GetAsync($"threads/{threadId}/runs/{(string)run["id"]!}");
        Assert.That((string?)after["status"], Is.EqualTo("incomplete"));
        Assert.That((string?)after["incomplete_details"]!["reason"], Is.EqualTo("max_completion_tokens"));
        JsonObject messages = await api.GetAsync($"threads/{threadId}/messages");
        Assert.That((string?)messages["data"]![0]!["content"]![0]!["text"]!["value"], Is.EqualTo("one two three"));
    }

    [Test]
    public async Task MaxPromptTokens_TooSmall_RunIncomplete()
    {
        await using TestApi api = TestApi.Create(store: store);
        string assistantId = await api.CreateAssistantAsync();
        string threadId = await api.CreateThreadAsync("a prompt of several words");
        JsonObject run = await api.PostAsync($"threads/{threadId}/runs", $$"""{"assistant_id":"{{assistantId}}","max_prompt_tokens":2}""");
        await api.Server.WaitForIdleAsync();

        JsonObject after = await api.GetAsync($"threads/{threadId}/runs/{(string)run["id"]!}");
        Assert.That((string?)after["status"], Is.EqualTo("incomplete"));
        Assert.That((string?)after["incomplete_details"]!["reason"], Is.EqualTo("max_prompt_tokens"));
    }

    [Test]
    public async Task ModelThrows_RunFailed_WithServerError()
    {
        await using TestApi api = TestApi.Create(store: store);
        string assistantId = await api.CreateAssistantAsync();
        string threadId = await api.CreateThreadAsync();
        api.Model.Enqueue(ScriptedTurn.Throw(new InvalidOperationException("model exploded")));

        JsonObject run = await api.PostAsync($"threads/{threadId}/runs", $$"""{"assistant_id":"{{assistantId}}"}""");
        await api.Server.WaitForIdleAsync();

        JsonObject after = await api.GetAsync($"threads/{threadId}/runs/{(string)run["id"]!}");
        Assert.That((string?)after["status"], Is.EqualTo("failed"));
        Assert.That((string?)after["last_error"]!["code"], Is.EqualTo("server_error"));
        Assert.That((string?)after["last_error"]!["message"], Does.Match("^The server had an error while processing your request. Request id: req_[0-9a-f]{32}$"));
        Assert.That(after["failed_at"], Is.Not.Null);
    }

    [Test]
    public async Task CodeInterpreterTool_ScriptedCode_StoresTheCallAndTheImage()
    {
        await using TestApi api = TestApi.Create(store: store);
        string assistantId = await api.CreateAssistantAsync(""","tools":[{"type":"code_interpreter"}]""");
        string threadId = await api.CreateThreadAsync();
        api.Model.Enqueue(ScriptedTurn.RunCode("print(6 * 7)", "42\n", "The answer is 42.").WithCodeOutputFile("chart.png", "image/png", [0x89, 0x50, 0x4E, 0x47]));
        JsonObject run = await api.PostAsync($"threads/{threadId}/runs", $$"""{"assistant_id":"{{assistantId}}"}""");
        await api.Server.WaitForIdleAsync();

        JsonObject after = await api.GetAsync($"threads/{threadId}/runs/{(string)run["id"]!}");
        JsonObject steps = await api.GetAsync($"threads/{threadId}/runs/{(string)run["id"]!}/steps?order=asc");
        JsonObject call = (JsonObject)steps["data"]![0]!["step_details"]!["tool_calls"]![0]!;
        string imageId = (string)call["code_interpreter"]!["outputs"]![1]!["image"]!["file_id"]!;
        JsonObject image = await api.GetAsync($"files/{imageId}");
        Assert.Multiple(() =>
        {
            Assert.That((string?)after["status"], Is.EqualTo("completed"));
            Assert.That((string?)call["type"], Is.EqualTo("code_interpreter"));
            Assert.That((string?)call["code_interpreter"]!["input"], Is.EqualTo("print(6 * 7)"));
            Assert.That(call["code_interpreter"]!["outputs"]![0]!.ToJsonString(), Is.EqualTo("""{"type":"logs","logs":"42\n"}"""));
            Assert.That((string?)steps["data"]![1]!["type"], Is.EqualTo("message_creation"));
            Assert.That((string?)image["purpose"], Is.EqualTo("assistants_output"));
            Assert.That((long?)image["bytes"], Is.EqualTo(4));
        });
    }

    [Test]
    public async Task Cancel_InProgressRun_GoesCancellingThenCancelled()
    {
        await using TestApi api = TestApi.Create(store: store);
        string assistantId = await api.CreateAssistantAsync();
        string threadId = await api.CreateThreadAsync();
        ScriptedTurn turn = ScriptedTurn.Reply("never").HeldUntil(new TaskCompletionSource().Task);
        api.Model.Enqueue(turn);

        JsonObject run = await api.PostAsync($"threads/{threadId}/runs", $$"""{"assistant_id":"{{assistantId}}"}""");
        string runId = (string)run["id"]!;
        await turn.Started;
        JsonObject cancelling = await api.PostAsync($"threads/{threadId}/runs/{runId}/cancel");
        Assert.That((string?)cancelling["status"], Is.EqualTo("cancelling"));
        await api.Server.WaitForIdleAsync();

        JsonObject after = await api.GetAsync($"threads/{threadId}/runs/{runId}");
        Assert.That((string?)after["status"], Is.EqualTo("cancelled"));
        Assert.That(after["cancelled_at"], Is.Not.Null);

        var (status, error, _) = await api.SendAsync(HttpMethod.Post, $"threads/{threadId}/runs/{runId}/cancel");
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string?)error["error"]!["message"], Is.EqualTo("Cannot cancel run with status 'cancelled'."));
    }

    [Test]
    public async Task RequiresAction_PastExpiry_BecomesExpired()
    {
        await using TestApi api = TestApi.Create(store: store);
        string assistantId = await api.CreateAssistantAsync(TestApi.WeatherTool);
        string threadId = await api.CreateThreadAsync();
        api.Model.Enqueue(ScriptedTurn.CallFunction("get_current_weather"));
        JsonObject run = await api.PostAsync($"threads/{threadId}/runs", $$"""{"assistant_id":"{{assistantId}}"}""");
        string runId = (string)run["id"]!;
        await api.Server.WaitForIdleAsync();
        Assert.That((string?)(await api.GetAsync($"threads/{threadId}/runs/{runId}"))["status"], Is.EqualTo("requires_action"));

        api.Time.Advance(TimeSpan.FromSeconds(599));
        Assert.That((string?)(await api.GetAsync($"threads/{threadId}/runs/{runId}"))["status"], Is.EqualTo("requires_action"));
        api.Time.Advance(TimeSpan.FromSeconds(1));
        JsonObject expired = await api.GetAsync($"threads/{threadId}/runs/{runId}");
        Assert.That((string?)expired["status"], Is.EqualTo("expired"));
        JsonObject steps = await api.GetAsync($"threads/{threadId}/runs/{runId}/steps");
        Assert.That((string?)steps["data"]![0]!["status"], Is.EqualTo("expired"));

        await api.PostAsync($"threads/{threadId}/messages", """{"role":"user","content":"the thread is free again"}""");
    }

    [Test]
    public async Task SecondRunOnBusyThread_Returns400_WithServiceMessage()
    {
        await using TestApi api = TestApi.Create(store: store);
        string assistantId = await api.CreateAssistantAsync();
        string threadId = await api.CreateThreadAsync();
        var release = new TaskCompletionSource();
        api.Model.Enqueue(ScriptedTurn.Reply("first").HeldUntil(release.Task));
        JsonObject run = await api.PostAsync($"threads/{threadId}/runs", $$"""{"assistant_id":"{{assistantId}}"}""");

        var (status, error, response) = await api.SendAsync(HttpMethod.Post, $"threads/{threadId}/runs", $$"""{"assistant_id":"{{assistantId}}"}""");
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string?)error["error"]!["message"], Is.EqualTo($"Thread {threadId} already has an active run {(string)run["id"]!}."));
        Assert.That((string?)error["error"]!["type"], Is.EqualTo("invalid_request_error"));
        Assert.That(response.Headers.GetValues("x-request-id"), Has.One.StartsWith("req_"));
        release.SetResult();
    }

    [Test]
    public async Task RunsOnDifferentThreads_ProgressIndependently()
    {
        await using TestApi api = TestApi.Create(store: store);
        string assistantId = await api.CreateAssistantAsync();
        string first = await api.CreateThreadAsync("first thread");
        string second = await api.CreateThreadAsync("second thread");
        var release = new TaskCompletionSource();
        ScriptedTurn held = ScriptedTurn.Reply("slow").HeldUntil(release.Task);
        api.Model.Enqueue(held).Enqueue(ScriptedTurn.Reply("fast"));

        JsonObject slow = await api.PostAsync($"threads/{first}/runs", $$"""{"assistant_id":"{{assistantId}}"}""");
        await held.Started;
        JsonObject fast = await api.PostAsync($"threads/{second}/runs", $$"""{"assistant_id":"{{assistantId}}"}""");
        while ((string?)(await api.GetAsync($"threads/{second}/runs/{(string)fast["id"]!}"))["status"] != "completed")
        {
            await Task.Yield();
        }

        Assert.That((string?)(await api.GetAsync($"threads/{first}/runs/{(string)slow["id"]!}"))["status"], Is.EqualTo("in_progress"));
        release.SetResult();
        await api.Server.WaitForIdleAsync();
        Assert.That((string?)(await api.GetAsync($"threads/{first}/runs/{(string)slow["id"]!}"))["status"], Is.EqualTo("completed"));
    }

    [Test]
    public async Task TruncationLastMessages_And_Overrides_ReachTheModel()
    {
        var recorder = new RecordingChatClient();
        await using var server = new AssistantsServer(new AssistantsServerOptions { ChatClient = recorder });
        using var http = new HttpClient(server.CreateHandler()) { BaseAddress = new Uri("http://localhost/v1/") };
        string assistant = (string)JsonNode.Parse(await (await http.PostAsync("assistants", Json("""{"model":"gpt-4o","instructions":"Be brief."}"""))).Content.ReadAsStringAsync())!["id"]!;
        string thread = (string)JsonNode.Parse(await (await http.PostAsync("threads", Json("""{"messages":[{"role":"user","content":"one"},{"role":"user","content":"two"},{"role":"user","content":"three"}]}"""))).Content.ReadAsStringAsync())!["id"]!;

        await http.PostAsync($"threads/{thread}/runs", Json($$"""{"assistant_id":"{{assistant}}","model":"gpt-4.1","additional_instructions":"Say hi.","truncation_strategy":{"type":"last_messages","last_messages":2},"temperature":0.5}"""));
        await server.WaitForIdleAsync();

        Assert.That(recorder.LastMessages, Has.Count.EqualTo(3));
        Assert.That(recorder.LastMessages[0].Text, Is.EqualTo("Be brief.\n\nSay hi."));
        Assert.That(recorder.LastMessages[1].Text, Is.EqualTo("two"));
        Assert.That(recorder.LastOptions!.ModelId, Is.EqualTo("gpt-4.1"));
        Assert.That(recorder.LastOptions.Temperature, Is.EqualTo(0.5f));
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
