using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Assistants.Client.Tests;

[TestFixture]
public sealed class ToolLoopTests
{
    private const string RunPath = "threads/thread_1/runs/run_1";
    private static readonly long s_expires = RunJson.Start + 600;

    private static Task<ThreadRun> LoopAsync(Wire wire, FunctionToolRegistry tools, RunPollingOptions? options = null)
        => wire.Client.Runs.CreateAndRunToolsAsync("thread_1", "asst_1", tools, pollingOptions: options);

    [Test]
    public async Task SingleCall_RunsTheFunctionAndSubmitsItsOutput()
    {
        TimerRecordingTimeProvider time = new();
        using Wire wire = RetryTests.NewWire(time);
        wire.Expect(HttpMethod.Post, "threads/thread_1/runs", RunJson.Run("queued"));
        wire.Expect(HttpMethod.Get, RunPath, RunJson.RequiresAction(s_expires, ("call_1", "get_weather", """{"city":"Oslo"}""")));
        wire.Expect(HttpMethod.Post, RunPath + "/submit_tool_outputs", RunJson.Run("queued"));
        wire.Expect(HttpMethod.Get, RunPath, RunJson.Run("completed"));
        string? seen = null;
        FunctionToolRegistry tools = new FunctionToolRegistry().Add("get_weather", arguments =>
        {
            seen = arguments;
            return "sunny";
        });

        Task<ThreadRun> call = LoopAsync(wire, tools);
        await time.DriveAsync(call, ignoreLongerThan: TimeSpan.FromMinutes(1)); // the polls, not the run's expiry timer

        Assert.Multiple(() =>
        {
            Assert.That(call.Result.Status, Is.EqualTo(RunStatus.Completed));
            Assert.That(seen, Is.EqualTo("""{"city":"Oslo"}"""));
            JsonAssert.AreEquivalent("""{"tool_outputs":[{"tool_call_id":"call_1","output":"sunny"}]}""", wire.Requests[2].Body!);
        });
    }

    [Test]
    public async Task ParallelCalls_RunTogether_AndAreSubmittedOnceInOrder()
    {
        TimerRecordingTimeProvider time = new();
        using Wire wire = RetryTests.NewWire(time);
        wire.Expect(HttpMethod.Post, "threads/thread_1/runs", RunJson.RequiresAction(s_expires, ("call_a", "slow", "{\"n\":1}"), ("call_b", "slow", "{\"n\":2}")));
        wire.Expect(HttpMethod.Post, RunPath + "/submit_tool_outputs", RunJson.Run("completed"));
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

        ThreadRun run = await LoopAsync(wire, tools);

        Assert.That(run.Status, Is.EqualTo(RunStatus.Completed));
        Assert.That(wire.Requests, Has.Count.EqualTo(2), "one submit for both calls");
        JsonAssert.AreEquivalent(
            """{"tool_outputs":[{"tool_call_id":"call_a","output":"out1"},{"tool_call_id":"call_b","output":"out2"}]}""",
            wire.Requests[1].Body!);
    }

    [Test]
    public async Task ThrowingAndUnknownFunctions_GiveTheModelErrorOutputs()
    {
        using Wire wire = RetryTests.NewWire(new TimerRecordingTimeProvider());
        wire.Expect(HttpMethod.Post, "threads/thread_1/runs", RunJson.RequiresAction(s_expires, ("call_a", "boom", "{}"), ("call_b", "missing", "{}")));
        wire.Expect(HttpMethod.Post, RunPath + "/submit_tool_outputs", RunJson.Run("completed"));
        FunctionToolRegistry tools = new FunctionToolRegistry().Add("boom", (Func<string, string>)(_ => throw new InvalidOperationException("no \"data\"")));

        await LoopAsync(wire, tools);

        using JsonDocument body = JsonDocument.Parse(wire.Requests[1].Body!);
        JsonElement outputs = body.RootElement.GetProperty("tool_outputs");
        Assert.Multiple(() =>
        {
            Assert.That(outputs[0].GetProperty("tool_call_id").GetString(), Is.EqualTo("call_a"));
            Assert.That(outputs[0].GetProperty("output").GetString(), Is.EqualTo("""{"error":"Function 'boom' failed: InvalidOperationException: no \"data\""}"""));
            Assert.That(outputs[1].GetProperty("tool_call_id").GetString(), Is.EqualTo("call_b"));
            Assert.That(outputs[1].GetProperty("output").GetString(), Is.EqualTo("""{"error":"Unknown function 'missing'."}"""));
        });
    }

    [Test]
    public async Task CustomErrorOutput_IsUsed()
    {
        using Wire wire = RetryTests.NewWire(new TimerRecordingTimeProvider());
        wire.Expect(HttpMethod.Post, "threads/thread_1/runs", RunJson.RequiresAction(s_expires, ("call_a", "missing", "{}")));
        wire.Expect(HttpMethod.Post, RunPath + "/submit_tool_outputs", RunJson.Run("completed"));
        FunctionToolRegistry tools = new() { ErrorOutput = (call, ex) => $"sorry: {call.FunctionName} {ex is null}" };

        await LoopAsync(wire, tools);

        JsonAssert.AreEquivalent("""{"tool_outputs":[{"tool_call_id":"call_a","output":"sorry: missing True"}]}""", wire.Requests[1].Body!);
    }

    [Test]
    public void ThrowOnError_StopsTheLoopWithoutSubmitting()
    {
        using Wire wire = RetryTests.NewWire(new TimerRecordingTimeProvider());
        wire.Expect(HttpMethod.Post, "threads/thread_1/runs", RunJson.RequiresAction(s_expires, ("call_a", "boom", "{}")));
        FunctionToolRegistry tools = new FunctionToolRegistry { ThrowOnError = true }.Add("boom", (Func<string, string>)(_ => throw new InvalidOperationException("bad")));

        FunctionToolException error = Assert.ThrowsAsync<FunctionToolException>(() => LoopAsync(wire, tools))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.FunctionName, Is.EqualTo("boom"));
            Assert.That(error.ToolCallId, Is.EqualTo("call_a"));
            Assert.That(error.InnerException, Is.InstanceOf<InvalidOperationException>());
            Assert.That(wire.Requests, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task TypedFunction_ReadsItsArgumentsThroughJsonTypeInfo()
    {
        using Wire wire = RetryTests.NewWire(new TimerRecordingTimeProvider());
        wire.Expect(HttpMethod.Post, "threads/thread_1/runs", RunJson.RequiresAction(s_expires, ("call_a", "favorite_food", """{"day_of_week":"Thursday"}"""), ("call_b", "favorite_food", "not json")));
        wire.Expect(HttpMethod.Post, RunPath + "/submit_tool_outputs", RunJson.Run("completed"));
        FunctionToolRegistry tools = new FunctionToolRegistry().Add("favorite_food", ToolTestJsonContext.Default.DayArguments, (args, _) => Task.FromResult(args.DayOfWeek == "Thursday" ? "tacos" : "pizza"));

        await LoopAsync(wire, tools);

        using JsonDocument body = JsonDocument.Parse(wire.Requests[1].Body!);
        JsonElement outputs = body.RootElement.GetProperty("tool_outputs");
        Assert.That(outputs[0].GetProperty("output").GetString(), Is.EqualTo("tacos"));
        Assert.That(outputs[1].GetProperty("output").GetString(), Does.StartWith("{\"error\":\"Function 'favorite_food' failed: JsonException"));
    }

    [Test]
    public async Task RunExpiresWhileAFunctionRuns_TokenFires_NothingIsSubmitted_AndExpiryIsReported()
    {
        TimerRecordingTimeProvider time = new();
        using Wire wire = RetryTests.NewWire(time);
        wire.Expect(HttpMethod.Post, "threads/thread_1/runs", RunJson.RequiresAction(RunJson.Start + 5, ("call_a", "forever", "{}")));
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

        Task<ThreadRun> call = LoopAsync(wire, tools);
        RunFailedException? error = null;
        try
        {
            await time.DriveAsync(call);
        }
        catch (RunFailedException ex)
        {
            error = ex;
        }

        Assert.Multiple(() =>
        {
            Assert.That(cancelledByExpiry, Is.True);
            Assert.That(error?.RunStatus, Is.EqualTo(RunStatus.Expired));
            Assert.That(wire.Requests.Exists(r => r.Uri.EndsWith("submit_tool_outputs", StringComparison.Ordinal)), Is.False);
            Assert.That(time.Started[0], Is.EqualTo(TimeSpan.FromSeconds(5)), "the function's token was set to fire at expires_at");
        });
    }

    [Test]
    public async Task FailedRunAfterTools_ThrowsRunFailedException()
    {
        TimerRecordingTimeProvider time = new();
        using Wire wire = RetryTests.NewWire(time);
        wire.Expect(HttpMethod.Post, "threads/thread_1/runs", RunJson.RequiresAction(s_expires, ("call_a", "f", "{}")));
        wire.Expect(HttpMethod.Post, RunPath + "/submit_tool_outputs", RunJson.Run("queued"));
        wire.Expect(HttpMethod.Get, RunPath, RunJson.Failed("failed", "server_error", "oops"));
        FunctionToolRegistry tools = new FunctionToolRegistry().Add("f", _ => "ok");

        Task<ThreadRun> call = LoopAsync(wire, tools);
        Assert.That(async () => await time.DriveAsync(call, ignoreLongerThan: TimeSpan.FromMinutes(1)), Throws.InstanceOf<RunFailedException>());
    }

    [Test]
    public async Task Expiry_IsMeasuredFromTheServersDateHeader_SoClockSkewDoesNotCancelEarly()
    {
        TimerRecordingTimeProvider time = new();
        using Wire wire = RetryTests.NewWire(time);

        // The server's clock reads 1 hour behind ours; the run expires 10 minutes after the server's now.
        string serverNow = time.GetUtcNow().AddHours(-1).ToString("r", System.Globalization.CultureInfo.InvariantCulture);
        long expiresAt = time.GetUtcNow().AddHours(-1).AddMinutes(10).ToUnixTimeSeconds();
        wire.Expect(HttpMethod.Get, RunPath, RunJson.Run("requires_action", ",\"expires_at\":" + expiresAt), headers: RetryTests.Headers("Date", serverNow));
        ThreadRun run = await wire.Client.Runs.GetAsync("thread_1", "run_1");

        Assert.That(RunsClient.LocalExpiry(run, time), Is.EqualTo(time.GetUtcNow().AddMinutes(10)));
    }

    [Test]
    public void Registry_RefusesDuplicatesAndEmptyNames()
    {
        FunctionToolRegistry tools = new FunctionToolRegistry().Add("f", _ => "1");
        Assert.Throws<ArgumentException>(() => tools.Add("f", _ => "2"));
        Assert.Throws<ArgumentException>(() => tools.Add(string.Empty, _ => "2"));
        Assert.That(tools.Contains("f"), Is.True);
        Assert.That(tools.Names, Is.EquivalentTo(new[] { "f" }));
    }

    [Test]
    public async Task Registry_ExecuteAsync_IsUsableOnItsOwn()
    {
        FunctionToolRegistry tools = new FunctionToolRegistry().Add("echo", a => a);
        List<RequiredToolCall> calls = new() { new RequiredToolCall { Id = "c1", Type = "function", Function = new RequiredFunctionCall { Name = "echo", Arguments = "{\"x\":1}" } } };

        IReadOnlyList<ToolOutput> outputs = await tools.ExecuteAsync(calls);

        Assert.That(outputs[0].ToolCallId, Is.EqualTo("c1"));
        Assert.That(outputs[0].Output, Is.EqualTo("{\"x\":1}"));
    }
}

internal sealed class DayArguments
{
    [JsonPropertyName("day_of_week")]
    public string? DayOfWeek { get; set; }
}

[JsonSerializable(typeof(DayArguments))]
internal sealed partial class ToolTestJsonContext : JsonSerializerContext
{
}
