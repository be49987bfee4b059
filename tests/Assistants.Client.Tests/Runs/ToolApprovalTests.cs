using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Assistants.Client.Tests.Streaming;
using NUnit.Framework;
using RichardSzalay.MockHttp;
using static Assistants.Client.Tests.Streaming.StreamTestHelpers;

namespace Assistants.Client.Tests;

/// <summary>
/// Foundry's <c>submit_tool_approval</c> required action. The copied Foundry recordings do not contain it: these
/// shapes are built from <c>Recordings/foundry/README.md</c> ("required_action types": <c>{"submit_tool_approval":
/// {"tool_calls":[{id,type:"mcp",arguments,name,server_label}]}}</c>, answered by POSTing
/// <c>tool_approvals:[{tool_call_id,approve,headers}]</c> to the same <c>/submit_tool_outputs</c> route).
/// </summary>
[TestFixture]
public sealed class ToolApprovalTests
{
    private const string RunPath = "threads/thread_1/runs/run_1";
    private const string Done = "event: done\ndata: [DONE]\n\n";
    private static readonly long s_expires = RunJson.Start + 600;

    private static string AwaitingApproval(params (string Id, string Name)[] calls)
        => RunJson.Run("requires_action", ",\"expires_at\":" + s_expires + ",\"required_action\":{\"type\":\"submit_tool_approval\",\"submit_tool_approval\":{\"tool_calls\":["
            + string.Join(",", calls.Select(c => "{\"id\":\"" + c.Id + "\",\"type\":\"mcp\",\"arguments\":\"{\\\"q\\\":\\\"x\\\"}\",\"name\":\"" + c.Name + "\",\"server_label\":\"learn\"}")) + "]}}");

    /// <summary>Approves <c>search</c> (with a header for the MCP server) and denies everything else.</summary>
    private static FunctionToolRegistry ApproveSearchOnly(List<ToolApprovalRequest> asked)
        => new() { ToolApprovalCallback = (request, _) =>
        {
            asked.Add(request);
            return Task.FromResult(request.Name == "search"
                ? new ToolApproval(request.Id, approve: true) { Headers = new Dictionary<string, string> { ["X-Test"] = "1" } }
                : new ToolApproval { Approve = false });
        } };

    private const string ExpectedBody = """{"tool_approvals":[{"tool_call_id":"call_1","approve":true,"headers":{"X-Test":"1"}},{"tool_call_id":"call_2","approve":false}]}""";

    [Test]
    public void RequiredAction_SubmitToolApproval_IsTyped_AndWrittenBackUnchanged()
    {
        string json = AwaitingApproval(("call_1", "search"));

        ThreadRun run = AssistantsJson.Deserialize<ThreadRun>(json)!;

        Assert.That(run.RequiredAction!.Type, Is.EqualTo("submit_tool_approval"));
        Assert.That(run.RequiredAction.SubmitToolOutputs, Is.Null);
        ToolApprovalRequest call = run.RequiredAction.SubmitToolApproval!.ToolCalls!.Single();
        Assert.That((call.Id, call.Type, call.Name, call.Arguments, call.ServerLabel), Is.EqualTo(("call_1", "mcp", "search", "{\"q\":\"x\"}", "learn")));
        JsonAssert.AreEquivalent(json, AssistantsJson.Serialize(run));
    }

    [Test]
    public async Task SubmitToolApprovalsAsync_PostsToolApprovalsToTheSubmitRoute()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Post, RunPath + "/submit_tool_outputs", RunJson.Run("queued"));

        ThreadRun run = await wire.Client.Runs.SubmitToolApprovalsAsync("thread_1", "run_1", [new ToolApproval("call_1", true) { Headers = new Dictionary<string, string> { ["X-Test"] = "1" } }, new ToolApproval("call_2", false)]);

        Assert.That(run.Status, Is.EqualTo(RunStatus.Queued));
        Assert.That(wire.Single.Uri.ToString(), Is.EqualTo(Wire.BaseUrl + RunPath + "/submit_tool_outputs"));
        JsonAssert.AreEquivalent(ExpectedBody, wire.Single.Body!);
        Assert.Throws<ArgumentException>(() => wire.Client.Runs.SubmitToolApprovalsAsync("thread_1", "run_1", [new ToolApproval()]));
    }

    [Test]
    public async Task PollingLoop_CallbackApprovesAndDenies_SubmitsOnce_ThenRunsTheFunctions()
    {
        TimerRecordingTimeProvider time = new();
        using Wire wire = RetryTests.NewWire(time);
        wire.Expect(HttpMethod.Post, "threads/thread_1/runs", AwaitingApproval(("call_1", "search"), ("call_2", "delete_all")));
        wire.Expect(HttpMethod.Post, RunPath + "/submit_tool_outputs", RunJson.Run("queued"));
        wire.Expect(HttpMethod.Get, RunPath, RunJson.RequiresAction(s_expires, ("call_3", "get_weather", "{}")));
        wire.Expect(HttpMethod.Post, RunPath + "/submit_tool_outputs", RunJson.Run("completed"));
        List<ToolApprovalRequest> asked = new();
        FunctionToolRegistry tools = ApproveSearchOnly(asked).Add("get_weather", _ => "sunny");

        Task<ThreadRun> call = wire.Client.Runs.CreateAndRunToolsAsync("thread_1", "asst_1", tools);
        await time.DriveAsync(call, ignoreLongerThan: TimeSpan.FromMinutes(1));

        Assert.Multiple(() =>
        {
            Assert.That(call.Result.Status, Is.EqualTo(RunStatus.Completed));
            Assert.That(asked.Select(a => a.Id), Is.EqualTo(new[] { "call_1", "call_2" }));
            Assert.That(wire.Requests, Has.Count.EqualTo(4));
            JsonAssert.AreEquivalent(ExpectedBody, wire.Requests[1].Body!);
            JsonAssert.AreEquivalent("""{"tool_outputs":[{"tool_call_id":"call_3","output":"sunny"}]}""", wire.Requests[3].Body!);
        });
    }

    [Test]
    public async Task PollingLoop_WithoutCallback_ReturnsTheRunWaitingForApproval_AndSubmitsNothing()
    {
        using Wire wire = RetryTests.NewWire(new TimerRecordingTimeProvider());
        wire.Expect(HttpMethod.Post, "threads/thread_1/runs", AwaitingApproval(("call_1", "search")));

        ThreadRun run = await wire.Client.Runs.CreateAndRunToolsAsync("thread_1", "asst_1", new FunctionToolRegistry());

        Assert.That(run.Status, Is.EqualTo(RunStatus.RequiresAction));
        Assert.That(run.RequiredAction!.SubmitToolApproval!.ToolCalls!.Single().Name, Is.EqualTo("search"));
        Assert.That(wire.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task StreamingLoop_CallbackApprovesAndDenies_ContinuesOnTheSameHandler()
    {
        using Wire wire = RetryTests.NewWire(new TimerRecordingTimeProvider());
        wire.Mock.Expect(HttpMethod.Post, Wire.BaseUrl + "threads/thread_1/runs").Respond("text/event-stream",
            Event("thread.run.created", RunJson.Run("queued")) + Event("thread.run.requires_action", AwaitingApproval(("call_1", "search"), ("call_2", "delete_all"))) + Done);
        wire.Mock.Expect(HttpMethod.Post, Wire.BaseUrl + RunPath + "/submit_tool_outputs").Respond("text/event-stream",
            Event("thread.run.queued", RunJson.Run("queued")) + Event("thread.message.delta", TextDelta("Found it."))
            + Event("thread.message.completed", """{"id":"msg_1","object":"thread.message","thread_id":"thread_1","role":"assistant","status":"completed","content":[{"type":"text","text":{"value":"Found it.","annotations":[]}}]}""")
            + Event("thread.run.completed", RunJson.Run("completed")) + Done);
        List<ToolApprovalRequest> asked = new();
        RecordingHandler handler = new();
        Task<List<string>> text = handler.TextDeltas.ToListAsync();

        ThreadRun run = await wire.Client.Runs.CreateAndStreamToolsAsync("thread_1", "asst_1", ApproveSearchOnly(asked), handler);

        Assert.That(run.Status, Is.EqualTo(RunStatus.Completed));
        Assert.That(asked.Select(a => a.Name), Is.EqualTo(new[] { "search", "delete_all" }));
        Assert.That(wire.Requests, Has.Count.EqualTo(2));
        JsonAssert.AreEquivalent(ExpectedBody.Replace("]}", "],\"stream\":true}", StringComparison.Ordinal), wire.Requests[1].Body!);
        Assert.That(handler.Calls.Where(c => c.StartsWith("run ", StringComparison.Ordinal)), Is.EqualTo(new[] { "run queued", "run requires_action", "run queued", "run completed" }));
        Assert.That(string.Concat(await text), Is.EqualTo("Found it."));
    }

    [Test]
    public async Task StreamingLoop_WithoutCallback_ReturnsTheRunWaitingForApproval_AndEndsTheTextDeltas()
    {
        using Wire wire = RetryTests.NewWire(new TimerRecordingTimeProvider());
        wire.Mock.Expect(HttpMethod.Post, Wire.BaseUrl + "threads/thread_1/runs").Respond("text/event-stream",
            Event("thread.run.created", RunJson.Run("queued")) + Event("thread.run.requires_action", AwaitingApproval(("call_1", "search"))) + Done);
        RecordingHandler handler = new();
        Task<List<string>> text = handler.TextDeltas.ToListAsync();

        ThreadRun run = await wire.Client.Runs.CreateAndStreamToolsAsync("thread_1", "asst_1", new FunctionToolRegistry(), handler);

        Assert.That(run.Status, Is.EqualTo(RunStatus.RequiresAction));
        Assert.That(run.RequiredAction!.SubmitToolApproval!.ToolCalls, Has.Count.EqualTo(1));
        Assert.That(wire.Requests, Has.Count.EqualTo(1));
        Assert.That(await text, Is.Empty);
        Assert.That(RecordedStreamEnds.Classify(handler), Is.EqualTo("requires_action: tool approval"));
    }

    [Test]
    public void Callback_ReturningNull_EndsTheLoopWithAClearMessage()
    {
        using Wire wire = RetryTests.NewWire(new TimerRecordingTimeProvider());
        wire.Expect(HttpMethod.Post, "threads/thread_1/runs", AwaitingApproval(("call_1", "search")));
        FunctionToolRegistry tools = new() { ToolApprovalCallback = (_, _) => Task.FromResult<ToolApproval>(null!) };

        InvalidOperationException ex = Assert.ThrowsAsync<InvalidOperationException>(() => wire.Client.Runs.CreateAndRunToolsAsync("thread_1", "asst_1", tools))!;

        Assert.That(ex.Message, Is.EqualTo("The tool approval callback returned null for tool call 'call_1' (search); return a ToolApproval that approves or denies it."));
        Assert.That(wire.Requests, Has.Count.EqualTo(1));
    }
}
