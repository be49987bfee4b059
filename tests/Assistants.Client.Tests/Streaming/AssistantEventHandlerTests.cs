using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Assistants.Client.Tests.Replay;
using NUnit.Framework;
using RichardSzalay.MockHttp;
using static Assistants.Client.Tests.Streaming.StreamTestHelpers;

namespace Assistants.Client.Tests.Streaming;

[TestFixture]
public sealed class AssistantEventHandlerTests
{
    public static IEnumerable<TestCaseData> RecordingFiles()
        => RecordedStreams().Select(e => e.RelativePath).Distinct().Select(f => new TestCaseData(f).SetName("Handler replay " + f));

    [TestCaseSource(nameof(RecordingFiles))]
    public async Task RecordedStreams_ThroughOneHandler_ReconstructTextToolCallsAndFinalRun(string relativePath)
    {
        List<RecordedEntry> streams = RecordedStreams().Where(e => e.RelativePath == relativePath).OrderBy(e => e.Index).ToList();
        RecordingHandler handler = new();
        Task<List<string>> deltas = handler.TextDeltas.ToListAsync();
        ThreadRun? requiresAction = null;
        foreach (RecordedEntry entry in streams)
        {
            await handler.ConsumeAsync(FromStream(ChunkedStream.ByteAtATime(Encoding.UTF8.GetBytes(entry.StreamText))));
            if (handler.CurrentRun?.Status == RunStatus.RequiresAction)
            {
                requiresAction = handler.CurrentRun;
            }
        }

        handler.CompleteTextDeltas(null);
        foreach (ThreadMessage message in handler.FinalMessages)
        {
            Assert.That(handler.ReconstructedText[message.Id], Is.EqualTo(RecordingHandler.Text(message)), $"text of {message.Id}");
        }

        if (requiresAction?.RequiredAction?.SubmitToolOutputs?.ToolCalls is { } required)
        {
            List<RunStepFunctionToolCall> functionCalls = handler.DoneToolCalls.OfType<RunStepFunctionToolCall>().Where(c => required.Any(r => r.Id == c.Id)).ToList();
            Assert.That(functionCalls.Select(c => (c.Id, c.Function!.Name, c.Function.Arguments)), Is.EqualTo(required.Select(r => ((string?)r.Id, r.Function!.Name, r.Function.Arguments))));
        }

        string? end = RecordedStreamEnds.Classify(handler);
        List<string> created = handler.Calls.Where(c => c.StartsWith("tool created ", StringComparison.Ordinal)).Select(c => c["tool created ".Length..]).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(end, Is.Not.Null, "the last stream ended in a way no recorded run ends: " + handler.Calls.LastOrDefault());
            Assert.That(handler.FinalRun, Is.Null.Or.SameAs(handler.RunEvents.Last()), "final run is the last run event");
            Assert.That(handler.DoneToolCalls.Select(c => c.Id).Distinct().Count(), Is.EqualTo(handler.DoneToolCalls.Count), "each tool call done once");

            // A continuation read alone (Foundry: run polled to requires_action, outputs submitted with stream:true)
            // starts with the completed tool step: its calls are done without a created this handler never saw.
            Assert.That(created, Is.SubsetOf(handler.DoneToolCalls.Select(c => c.Id)), "every created tool call is done");
            Assert.That(handler.FinalRunSteps.Select(s => s.Id), Is.Unique);
            Assert.That(handler.TextDone, Is.EqualTo(handler.FinalMessages.Select(RecordingHandler.Text)));
        });

        // Every text delta lands in a message: completed ones equal their final text; one the recording cut off keeps what came.
        Assert.That(string.Concat(await deltas), Is.EqualTo(string.Concat(handler.Messages.Select(RecordingHandler.Text))));
        TestContext.Out.WriteLine($"{streams.Count} streams, {handler.Calls.Count} callbacks, {handler.FinalMessages.Count} messages, ended: {end}");
    }

    private static string Step(string status, string id = "step_1", string toolCalls = "[]")
        => $$$"""{"id":"{{{id}}}","object":"thread.run.step","created_at":1,"run_id":"run_1","thread_id":"thread_1","type":"tool_calls","status":"{{{status}}}","step_details":{"type":"tool_calls","tool_calls":{{{toolCalls}}}}}""";

    private static string CallDelta(int index, string? id, string? name, string args)
        => "{\"id\":\"step_1\",\"object\":\"thread.run.step.delta\",\"delta\":{\"step_details\":{\"type\":\"tool_calls\",\"tool_calls\":[{\"index\":" + index + ","
            + (id is null ? "" : "\"id\":\"" + id + "\",") + "\"type\":\"function\",\"function\":{" + (name is null ? "" : "\"name\":\"" + name + "\",")
            + "\"arguments\":\"" + args + "\"}}]}}}";

    [Test]
    public async Task ToolCalls_CreatedOnFirstDelta_DeltaLater_DoneWhenNextStartsAndAtRequiresAction_NeverTwice()
    {
        string sse = Event("thread.run.created", Run("queued"))
            + Event("thread.run.step.created", Step("in_progress"))
            + Event("thread.run.step.delta", CallDelta(0, "call_a", "f", ""))
            + Event("thread.run.step.delta", CallDelta(0, null, null, "{\\\"x\\\":"))
            + Event("thread.run.step.delta", CallDelta(0, null, null, "1}"))
            + Event("thread.run.step.delta", CallDelta(1, "call_b", "g", "{}"))
            + Event("thread.run.requires_action", Run("requires_action"))
            + Event("done", "[DONE]");
        RecordingHandler handler = new();

        await handler.ConsumeAsync(FromText(sse));

        Assert.That(handler.Calls.Where(c => c.StartsWith("tool", StringComparison.Ordinal)), Is.EqualTo(new[]
        {
            "tool created call_a", "tool delta call_a", "tool delta call_a", "tool done call_a", "tool created call_b", "tool done call_b",
        }));
        Assert.That(((RunStepFunctionToolCall)handler.DoneToolCalls[0]).Function!.Arguments, Is.EqualTo("{\"x\":1}"));
        Assert.That(handler.Calls.Last(), Is.EqualTo("end requires_action"));

        // The continuation of submit_tool_outputs starts with the completed tool step and no thread.run.created.
        string continuation = Event("thread.run.step.completed", Step("completed", toolCalls: """[{"id":"call_a","type":"function","function":{"name":"f","arguments":"{\"x\":1}","output":"1"}},{"id":"call_b","type":"function","function":{"name":"g","arguments":"{}","output":"2"}}]"""))
            + Event("thread.run.queued", Run("queued")) + Event("thread.run.completed", Run("completed")) + Event("done", "[DONE]");
        await handler.ConsumeAsync(FromText(continuation));

        Assert.Multiple(() =>
        {
            Assert.That(handler.Calls.Count(c => c.StartsWith("tool done", StringComparison.Ordinal)), Is.EqualTo(2), "done never twice");
            Assert.That(handler.Calls.Count(c => c.StartsWith("step done", StringComparison.Ordinal)), Is.EqualTo(1));
            Assert.That(handler.FinalRunSteps.Single().Status, Is.EqualTo(RunStepStatus.Completed));
            Assert.That(handler.FinalRun!.Status, Is.EqualTo(RunStatus.Completed));
            Assert.That(handler.Calls.Where(c => c.StartsWith("run", StringComparison.Ordinal)), Is.EqualTo(new[] { "run queued", "run requires_action", "run queued", "run completed" }));
        });
    }

    [Test]
    public async Task CodeInterpreterDeltas_InputAndLogsConcatenate_OutputsInsertedByIndex()
    {
        static string Code(string call) => "{\"id\":\"step_1\",\"object\":\"thread.run.step.delta\",\"delta\":{\"step_details\":{\"type\":\"tool_calls\",\"tool_calls\":[" + call + "]}}}";
        string sse = Event("thread.run.step.created", Step("in_progress"))
            + Event("thread.run.step.delta", Code("""{"index":0,"id":"call_c","type":"code_interpreter","code_interpreter":{"input":"print(","outputs":[]}}"""))
            + Event("thread.run.step.delta", Code("""{"index":0,"type":"code_interpreter","code_interpreter":{"input":"1)"}}"""))
            + Event("thread.run.step.delta", Code("""{"index":0,"type":"code_interpreter","code_interpreter":{"outputs":[{"index":0,"type":"logs","logs":"1"}]}}"""))
            + Event("thread.run.step.delta", Code("""{"index":0,"type":"code_interpreter","code_interpreter":{"outputs":[{"index":0,"type":"logs","logs":"\n2"},{"index":1,"type":"image","image":{"file_id":"file-img"}}]}}"""))
            + Event("thread.run.completed", Run("completed")) + Event("done", "[DONE]");
        RecordingHandler handler = new();

        await handler.ConsumeAsync(FromText(sse));

        RunStepCodeInterpreter code = ((RunStepCodeInterpreterToolCall)handler.DoneToolCalls.Single()).CodeInterpreter!;
        Assert.Multiple(() =>
        {
            Assert.That(handler.DoneToolCalls.Single().Id, Is.EqualTo("call_c"));
            Assert.That(code.Input, Is.EqualTo("print(1)"));
            Assert.That(code.Outputs!.OfType<RunStepCodeInterpreterLogOutput>().Single().Logs, Is.EqualTo("1\n2"));
            Assert.That(code.Outputs!.OfType<RunStepCodeInterpreterImageOutput>().Single().Image!.FileId, Is.EqualTo("file-img"));
            Assert.That(handler.SnapshotLengths, Is.EqualTo(new[] { 8, 8, 8 }), "the live snapshot's input length at each later delta");
            Assert.That(((RunStepToolCallDetails)handler.CurrentRunStepSnapshot!.Details!).ToolCalls!.Single(), Is.InstanceOf<RunStepCodeInterpreterToolCall>());
        });
    }

    [Test]
    public async Task ToolCall_IsDoneWhenItsStepEnds()
    {
        string sse = Event("thread.run.step.created", Step("in_progress"))
            + Event("thread.run.step.delta", CallDelta(0, "call_a", "f", "{}"))
            + Event("thread.run.step.completed", Step("completed", toolCalls: """[{"id":"call_a","type":"function","function":{"name":"f","arguments":"{}","output":"ok"}}]"""))
            + Event("thread.run.completed", Run("completed")) + Event("done", "[DONE]");
        RecordingHandler handler = new();

        await handler.ConsumeAsync(FromText(sse));

        Assert.That(handler.Calls, Is.EqualTo(new[] { "step created step_1", "tool created call_a", "tool done call_a", "step done step_1", "run completed", "end completed" }));
        Assert.That(((RunStepFunctionToolCall)handler.DoneToolCalls.Single()).Function!.Output, Is.EqualTo("ok"));
    }

    [Test]
    public async Task MessageDeltas_MergeByIndex_TextAndImageDoneFireOnCompletionWithFinalContent()
    {
        const string Created = """{"id":"msg_1","object":"thread.message","created_at":1,"thread_id":"thread_1","status":"in_progress","role":"assistant","content":[]}""";
        const string Completed = """{"id":"msg_1","object":"thread.message","created_at":1,"thread_id":"thread_1","status":"completed","role":"assistant","content":[{"type":"text","text":{"value":"Hello world","annotations":[]}},{"type":"image_file","image_file":{"file_id":"file-9"}},{"type":"text","text":{"value":"!","annotations":[]}}]}""";
        string sse = Event("thread.message.created", Created)
            + Event("thread.message.delta", TextDelta("Hello"))
            + Event("thread.message.delta", """{"id":"msg_1","object":"thread.message.delta","delta":{"content":[{"index":1,"type":"image_file","image_file":{"file_id":"file-9"}},{"index":2,"type":"text","text":{"value":"!"}}]}}""")
            + Event("thread.message.delta", TextDelta(" world"))
            + Event("thread.message.completed", Completed) + Event("done", "[DONE]");
        RecordingHandler handler = new();
        ThreadMessage? snapshotBeforeCompletion = null;
        handler.Calls.Clear();

        await handler.ConsumeAsync(FromText(sse));
        snapshotBeforeCompletion = handler.CurrentMessageSnapshot;

        Assert.Multiple(() =>
        {
            Assert.That(handler.ReconstructedText["msg_1"], Is.EqualTo("Hello world!"));
            Assert.That(handler.Calls, Is.EqualTo(new[] { "message created msg_1", "text created 0", "text created 2", "text done 0", "image done file-9", "text done 2", "message done msg_1", "end " }));
            Assert.That(handler.TextDone, Is.EqualTo(new[] { "Hello world", "!" }));
            Assert.That(snapshotBeforeCompletion!.Content, Has.Count.EqualTo(3));
        });
    }

    [Test]
    public async Task UnknownEvent_ReachesOnUnknownEventAndTheStreamGoesOn()
    {
        RecordingHandler handler = new();

        await handler.ConsumeAsync(FromText(Event("thread.run.created", Run("queued")) + Event("thread.run.vendor_thing", "{}") + Event("thread.run.completed", Run("completed"))));

        Assert.That(handler.Calls, Is.EqualTo(new[] { "run queued", "unknown thread.run.vendor_thing", "run completed", "end completed" }));
    }

    [Test]
    public void CutShortStream_RaisesOnErrorAndKeepsSnapshotsReadable()
    {
        RecordingHandler handler = new();
        string sse = Event("thread.run.created", Run("queued")) + Event("thread.message.delta", TextDelta("Partial")) + "event: thread.message.delta\ndata: {\"id\":";

        Assert.ThrowsAsync<StreamEndedEarlyException>(() => handler.ConsumeAsync(FromText(sse)));

        Assert.That(handler.Calls.Last(), Is.EqualTo("error StreamEndedEarlyException"));
        Assert.That(RecordingHandler.Text(handler.CurrentMessageSnapshot), Is.EqualTo("Partial"));
        Assert.That(handler.CurrentRun!.Status, Is.EqualTo(RunStatus.Queued));
    }

    [Test]
    public async Task OneHandler_AcrossTheRecordedToolLoop_ThroughTheClient()
    {
        List<RecordedEntry> entries = Recordings.Scenario("AssistantsTests/StreamingToolCall()").Where(e => e.IsStream).ToList();
        using Wire wire = new();
        foreach (RecordedEntry entry in entries)
        {
            wire.Mock.Expect(HttpMethod.Post, "*" + (entry.Path.EndsWith("submit_tool_outputs", StringComparison.Ordinal) ? "submit_tool_outputs" : "threads/runs"))
                .Respond("text/event-stream", entry.StreamText);
        }

        RecordingHandler handler = new();
        await handler.ConsumeAsync(await wire.Client.Runs.CreateThreadAndRunStreamingAsync("asst_1"));
        ThreadRun paused = handler.CurrentRun!;
        List<ToolOutput> outputs = paused.RequiredAction!.SubmitToolOutputs!.ToolCalls!.Select(c => new ToolOutput(c.Id, "warm and sunny")).ToList();
        await handler.ConsumeAsync(await wire.Client.Runs.SubmitToolOutputsStreamingAsync(paused.ThreadId!, paused.Id, outputs));

        Assert.Multiple(() =>
        {
            Assert.That(paused.Status, Is.EqualTo(RunStatus.RequiresAction));
            Assert.That(handler.CurrentThread, Is.Not.Null);
            Assert.That(handler.FinalRun!.Id, Is.EqualTo(paused.Id));
            Assert.That(handler.FinalRun.Status, Is.EqualTo(RunStatus.Completed));
            Assert.That(handler.FinalMessages, Has.Count.EqualTo(1));
            Assert.That(handler.Calls.Count(c => c == "tool done " + outputs[0].ToolCallId), Is.EqualTo(1));
            Assert.That(wire.Requests, Has.Count.EqualTo(2));
        });
    }
}
