using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Client.Tests.Replay;
using Assistants.Client.Tests.Streaming;
using NUnit.Framework;
using RichardSzalay.MockHttp;
using static Assistants.Client.Tests.Streaming.StreamTestHelpers;

namespace Assistants.Client.Tests;

[TestFixture]
public sealed class StreamingToolLoopTests
{
    private const string RunPath = "threads/thread_1/runs/run_1";
    private const string Done = "event: done\ndata: [DONE]\n\n";
    private static readonly long s_expires = RunJson.Start + 600;

    private static string Paused(long expiresAt, params (string Id, string Name, string Arguments)[] calls)
        => Event("thread.run.created", RunJson.Run("queued")) + Event("thread.run.requires_action", RunJson.RequiresAction(expiresAt, calls)) + Done;

    private static string Finished(string text = "All done.")
        => Event("thread.run.queued", RunJson.Run("queued"))
            + Event("thread.message.created", """{"id":"msg_1","object":"thread.message","thread_id":"thread_1","role":"assistant","status":"in_progress","content":[]}""")
            + Event("thread.message.delta", TextDelta(text))
            + Event("thread.message.completed", """{"id":"msg_1","object":"thread.message","thread_id":"thread_1","role":"assistant","status":"completed","content":[{"type":"text","text":{"value":"TEXT","annotations":[]}}]}""".Replace("TEXT", text, StringComparison.Ordinal))
            + Event("thread.run.completed", RunJson.Run("completed")) + Done;

    private static void ExpectStream(Wire wire, string path, string sse)
        => wire.Mock.Expect(HttpMethod.Post, Wire.BaseUrl + path).Respond("text/event-stream", sse);

    private static Task<ThreadRun> LoopAsync(Wire wire, FunctionToolRegistry tools, AssistantEventHandler handler, RunPollingOptions? options = null)
        => wire.Client.Runs.CreateAndStreamToolsAsync("thread_1", "asst_1", tools, handler, pollingOptions: options);

    [Test]
    public async Task RecordedToolCall_RunsTheFunction_SubmitsThroughTheStream_AndEndsOnTheSameHandler()
    {
        List<RecordedEntry> entries = Recordings.Scenario("AssistantsTests/StreamingToolCall()").Where(e => e.IsStream).ToList();
        using Wire wire = new();
        // The recorded run expired long ago by our clock: its expiry is measured from the recorded Date header.
        wire.Mock.Expect(HttpMethod.Post, Wire.BaseUrl + "threads/runs").Respond(System.Net.HttpStatusCode.OK, RetryTests.Headers("Date", entries[0].ResponseHeaders["Date"]), "text/event-stream", entries[0].StreamText);
        wire.Mock.Expect(HttpMethod.Post, Wire.BaseUrl + entries[1].Path).Respond("text/event-stream", entries[1].StreamText);
        string? seen = null;
        FunctionToolRegistry tools = new FunctionToolRegistry().Add("get_current_weather", arguments =>
        {
            seen = arguments;
            return "warm and sunny";
        });
        RecordingHandler handler = new();
        Task<List<string>> text = handler.TextDeltas.ToListAsync();

        ThreadRun run = await wire.Client.Runs.CreateThreadAndStreamToolsAsync("asst_1", tools, handler);

        Assert.Multiple(async () =>
        {
            Assert.That(run.Status, Is.EqualTo(RunStatus.Completed));
            Assert.That(run.ThreadId, Is.EqualTo(handler.CurrentThread!.Id));
            Assert.That(handler.FinalRun!.Id, Is.EqualTo(run.Id));
            Assert.That(seen, Is.EqualTo("{}"));
            Assert.That(wire.Requests, Has.Count.EqualTo(2));
            JsonAssert.AreEquivalent(entries[1].RequestBody!.Value.GetRawText(), wire.Requests[1].Body!);
            Assert.That(handler.Calls.Count(c => c.StartsWith("tool done ", StringComparison.Ordinal)), Is.EqualTo(1));
            Assert.That(handler.FinalMessages, Has.Count.EqualTo(1));
            Assert.That(string.Concat(await text), Is.EqualTo(RecordingHandler.Text(handler.FinalMessages[0])));
        });
    }

    [Test]
    public async Task SingleCall_OverSyntheticStreams_ReturnsTheFinalRun()
    {
        using Wire wire = RetryTests.NewWire(new TimerRecordingTimeProvider());
        ExpectStream(wire, "threads/thread_1/runs", Paused(s_expires, ("call_1", "get_weather", """{"city":"Oslo"}""")));
        ExpectStream(wire, RunPath + "/submit_tool_outputs", Finished("Sunny in Oslo."));
        FunctionToolRegistry tools = new FunctionToolRegistry().Add("get_weather", _ => "sunny");
        RecordingHandler handler = new();

        ThreadRun run = await LoopAsync(wire, tools, handler);

        Assert.Multiple(() =>
        {
            Assert.That(run.Status, Is.EqualTo(RunStatus.Completed));
            JsonAssert.AreEquivalent("""{"tool_outputs":[{"tool_call_id":"call_1","output":"sunny"}],"stream":true}""", wire.Requests[1].Body!);
            Assert.That(wire.Requests[1].Uri, Is.EqualTo(Wire.BaseUrl + RunPath + "/submit_tool_outputs"));
            Assert.That(handler.Calls, Does.Contain("run requires_action"));
            Assert.That(handler.Calls.Last(), Is.EqualTo("end completed"));
            Assert.That(RecordingHandler.Text(handler.FinalMessages.Single()), Is.EqualTo("Sunny in Oslo."));
        });
    }

    [Test]
    public async Task ParallelCalls_RunTogether_AndAreSubmittedOnceInOrder()
    {
        using Wire wire = RetryTests.NewWire(new TimerRecordingTimeProvider());
        ExpectStream(wire, "threads/thread_1/runs", Paused(s_expires, ("call_a", "slow", "{\"n\":1}"), ("call_b", "slow", "{\"n\":2}")));
        ExpectStream(wire, RunPath + "/submit_tool_outputs", Finished());
        TaskCompletionSource bothStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        int started = 0;
        FunctionToolRegistry tools = new FunctionToolRegistry().Add("slow", async (arguments, ct) =>
        {
            if (Interlocked.Increment(ref started) == 2)
            {
                bothStarted.SetResult();
            }

            // Each call finishes only once both are running: a sequential loop would never get here.
            await bothStarted.Task.WaitAsync(TimeSpan.FromSeconds(20), ct);
            using JsonDocument doc = JsonDocument.Parse(arguments);
            return "out" + doc.RootElement.GetProperty("n").GetInt32();
        });

        ThreadRun run = await LoopAsync(wire, tools, new RecordingHandler());

        Assert.That(run.Status, Is.EqualTo(RunStatus.Completed));
        Assert.That(wire.Requests, Has.Count.EqualTo(2), "one submit for both calls");
        JsonAssert.AreEquivalent(
            """{"tool_outputs":[{"tool_call_id":"call_a","output":"out1"},{"tool_call_id":"call_b","output":"out2"}],"stream":true}""",
            wire.Requests[1].Body!);
    }

    [Test]
    public async Task ThrowingAndUnknownFunctions_GiveTheModelErrorOutputs()
    {
        using Wire wire = RetryTests.NewWire(new TimerRecordingTimeProvider());
        ExpectStream(wire, "threads/thread_1/runs", Paused(s_expires, ("call_a", "boom", "{}"), ("call_b", "missing", "{}")));
        ExpectStream(wire, RunPath + "/submit_tool_outputs", Finished());
        FunctionToolRegistry tools = new FunctionToolRegistry().Add("boom", (Func<string, string>)(_ => throw new InvalidOperationException("no \"data\"")));

        await LoopAsync(wire, tools, new RecordingHandler());

        using JsonDocument body = JsonDocument.Parse(wire.Requests[1].Body!);
        JsonElement outputs = body.RootElement.GetProperty("tool_outputs");
        Assert.Multiple(() =>
        {
            Assert.That(outputs[0].GetProperty("output").GetString(), Is.EqualTo("""{"error":"Function 'boom' failed: InvalidOperationException: no \"data\""}"""));
            Assert.That(outputs[1].GetProperty("tool_call_id").GetString(), Is.EqualTo("call_b"));
            Assert.That(outputs[1].GetProperty("output").GetString(), Is.EqualTo("""{"error":"Unknown function 'missing'."}"""));
        });
    }

    [Test]
    public void ThrowOnError_StopsTheLoopWithoutSubmitting_AndEndsTheTextDeltas()
    {
        using Wire wire = RetryTests.NewWire(new TimerRecordingTimeProvider());
        ExpectStream(wire, "threads/thread_1/runs", Paused(s_expires, ("call_a", "missing", "{}")));
        RecordingHandler handler = new();
        Task<List<string>> text = handler.TextDeltas.ToListAsync();

        FunctionToolException error = Assert.ThrowsAsync<FunctionToolException>(() => LoopAsync(wire, new FunctionToolRegistry { ThrowOnError = true }, handler))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.FunctionName, Is.EqualTo("missing"));
            Assert.That(wire.Requests, Has.Count.EqualTo(1));
            Assert.That(async () => await text, Throws.InstanceOf<AssistantsApiException>().With.InnerException.InstanceOf<FunctionToolException>(), "a reader of TextDeltas is not left waiting");
        });
    }

    [Test]
    public async Task TwoRounds_ContinueOnTheSameHandler()
    {
        using Wire wire = RetryTests.NewWire(new TimerRecordingTimeProvider());
        ExpectStream(wire, "threads/thread_1/runs", Paused(s_expires, ("call_1", "f", "{}")));
        ExpectStream(wire, RunPath + "/submit_tool_outputs", Event("thread.run.queued", RunJson.Run("queued")) + Event("thread.run.requires_action", RunJson.RequiresAction(s_expires, ("call_2", "f", "{}"))) + Done);
        ExpectStream(wire, RunPath + "/submit_tool_outputs", Finished());
        int calls = 0;
        FunctionToolRegistry tools = new FunctionToolRegistry().Add("f", _ => "r" + Interlocked.Increment(ref calls));
        RecordingHandler handler = new();

        ThreadRun run = await LoopAsync(wire, tools, handler);

        Assert.Multiple(() =>
        {
            Assert.That(run.Status, Is.EqualTo(RunStatus.Completed));
            Assert.That(wire.Requests, Has.Count.EqualTo(3));
            JsonAssert.AreEquivalent("""{"tool_outputs":[{"tool_call_id":"call_2","output":"r2"}],"stream":true}""", wire.Requests[2].Body!);
            Assert.That(handler.Calls.Count(c => c == "run requires_action"), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task StreamEndingBeforeThePause_IsPolledOn()
    {
        TimerRecordingTimeProvider time = new();
        using Wire wire = RetryTests.NewWire(time);

        // The stream ends before the run paused: the handler recovers it (fetches the run, lists its steps), then the loop goes on.
        ExpectStream(wire, "threads/thread_1/runs", Event("thread.run.created", RunJson.Run("queued")) + Done);
        wire.Expect(HttpMethod.Get, RunPath, RunJson.RequiresAction(s_expires, ("call_1", "f", "{}")));
        wire.Expect(HttpMethod.Get, RunPath + "/steps?order=asc", """{"object":"list","data":[],"first_id":null,"last_id":null,"has_more":false}""");
        ExpectStream(wire, RunPath + "/submit_tool_outputs", Finished());
        FunctionToolRegistry tools = new FunctionToolRegistry().Add("f", _ => "ok");

        Task<ThreadRun> call = LoopAsync(wire, tools, new RecordingHandler());
        await time.DriveAsync(call, ignoreLongerThan: TimeSpan.FromMinutes(1)); // not the stream's idle timeout

        Assert.That(call.Result.Status, Is.EqualTo(RunStatus.Completed));
        Assert.That(wire.Requests.Select(r => r.Method.Method), Is.EqualTo(new[] { "POST", "GET", "GET", "POST" }));
    }

    [Test]
    public async Task RunExpiresWhileAFunctionRuns_TokenFires_NothingIsSubmitted_AndExpiryIsReported()
    {
        TimerRecordingTimeProvider time = new();
        using Wire wire = RetryTests.NewWire(time);
        ExpectStream(wire, "threads/thread_1/runs", Paused(RunJson.Start + 5, ("call_a", "forever", "{}")));
        wire.Expect(HttpMethod.Get, RunPath, RunJson.Failed("expired", "server_error", "Run expired."));
        bool cancelledByExpiry = false;
        FunctionToolRegistry tools = new FunctionToolRegistry().Add("forever", async (_, ct) =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                cancelledByExpiry = true;
                throw;
            }

            return "never";
        });
        RecordingHandler handler = new();
        Task<List<string>> text = handler.TextDeltas.ToListAsync();

        Task<ThreadRun> call = LoopAsync(wire, tools, handler);
        RunFailedException? error = null;
        try
        {
            await time.DriveAsync(call, ignoreLongerThan: TimeSpan.FromMinutes(1)); // not the stream's idle timeout
        }
        catch (RunFailedException ex)
        {
            error = ex;
        }

        Assert.Multiple(async () =>
        {
            Assert.That(cancelledByExpiry, Is.True);
            Assert.That(error?.RunStatus, Is.EqualTo(RunStatus.Expired));
            Assert.That(wire.Requests.Exists(r => r.Uri.EndsWith("submit_tool_outputs", StringComparison.Ordinal)), Is.False);
            Assert.That(time.Started, Does.Contain(TimeSpan.FromSeconds(5)), "the function's token was set to fire at expires_at (after the stream's idle timer)");
            Assert.That(await text, Is.Empty, "TextDeltas ended");
        });
    }

    [Test]
    public void FailedRun_ThrowsRunFailedException()
    {
        using Wire wire = RetryTests.NewWire(new TimerRecordingTimeProvider());
        ExpectStream(wire, "threads/thread_1/runs", Paused(s_expires, ("call_a", "f", "{}")));
        ExpectStream(wire, RunPath + "/submit_tool_outputs", Event("thread.run.failed", RunJson.Failed("failed", "server_error", "oops")) + Done);
        FunctionToolRegistry tools = new FunctionToolRegistry().Add("f", _ => "ok");

        RunFailedException error = Assert.ThrowsAsync<RunFailedException>(() => LoopAsync(wire, tools, new RecordingHandler()))!;

        Assert.That(error.RunStatus, Is.EqualTo(RunStatus.Failed));
    }

    [Test]
    public async Task NullArguments_AreRefused_AndTheStreamIsDisposed()
    {
        using Wire wire = new();
        RunStream stream = FromText(Paused(s_expires, ("call_a", "f", "{}")));
        FunctionToolRegistry tools = new();

        Assert.ThrowsAsync<ArgumentNullException>(() => wire.Client.Runs.StreamToolLoopAsync(stream, tools, null!));
        Assert.ThrowsAsync<ArgumentNullException>(() => wire.Client.Runs.StreamToolLoopAsync(null!, tools, new RecordingHandler()));
        Assert.ThrowsAsync<ArgumentNullException>(() => wire.Client.Runs.CreateAndStreamToolsAsync("thread_1", "asst_1", tools, null!));
        Assert.That(() => stream.GetAsyncEnumerator(), Throws.InstanceOf<ObjectDisposedException>());
        Assert.That(wire.Requests, Is.Empty);
        await Task.CompletedTask;
    }
}
