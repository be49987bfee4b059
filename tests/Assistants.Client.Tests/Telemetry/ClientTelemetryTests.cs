using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Client.Tests.Streaming;
using NUnit.Framework;
using RichardSzalay.MockHttp;
using static Assistants.Client.Tests.Streaming.StreamTestHelpers;

namespace Assistants.Client.Tests.Telemetry;

/// <summary>The client's spans and metrics (GenAI semantic conventions v1.38.0), seen through ActivityListener and MeterListener.</summary>
[TestFixture]
[NonParallelizable]
public sealed class ClientTelemetryTests
{
    private const string RunPath = "threads/thread_1/runs/run_1";
    private const string Done = "event: done\ndata: [DONE]\n\n";
    private const string Usage = ",\"model\":\"gpt-test\",\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":30,\"total_tokens\":150}";
    private static readonly long s_expires = RunJson.Start + 600;

    private static string UniqueModel() => "model-" + Guid.NewGuid().ToString("N");

    private static object? Tag(Activity activity, string name) => activity.GetTagItem(name);

    [Test]
    public async Task PolledRun_OneInvokeAgentSpan_WithTheRunsIds_StatusEvents_UsageAndMetrics()
    {
        TimerRecordingTimeProvider time = new();
        using Wire wire = RetryTests.NewWire(time);
        using TelemetryCapture capture = new(UniqueModel());
        wire.Expect(HttpMethod.Post, "threads/thread_1/runs", RunJson.Run("queued"));
        wire.Expect(HttpMethod.Get, RunPath, RunJson.Run("in_progress"));
        wire.Expect(HttpMethod.Get, RunPath, RunJson.Run("completed", Usage));

        Task<ThreadRun> call = wire.Client.Runs.CreateAndPollAsync("thread_1", "asst_1", new RunCreationOptions { Model = capture.Model });
        await time.DriveAsync(call);

        Activity span = capture.Spans.Single();
        Assert.Multiple(() =>
        {
            Assert.That(call.Result.Status, Is.EqualTo(RunStatus.Completed));
            Assert.That(span.DisplayName, Is.EqualTo("invoke_agent"));
            Assert.That(span.Kind, Is.EqualTo(ActivityKind.Client));
            Assert.That(span.Source.Name, Is.EqualTo("Assistants.Client"));
            Assert.That(span.Parent, Is.SameAs(capture.Root));
            Assert.That(Tag(span, "gen_ai.operation.name"), Is.EqualTo("invoke_agent"));
            Assert.That(Tag(span, "gen_ai.provider.name"), Is.EqualTo("openai"));
            Assert.That(Tag(span, "gen_ai.agent.id"), Is.EqualTo("asst_1"));
            Assert.That(Tag(span, "gen_ai.conversation.id"), Is.EqualTo("thread_1"));
            Assert.That(Tag(span, "gen_ai.response.id"), Is.EqualTo("run_1"));
            Assert.That(Tag(span, "gen_ai.request.model"), Is.EqualTo(capture.Model));
            Assert.That(Tag(span, "gen_ai.response.model"), Is.EqualTo("gpt-test"));
            Assert.That(Tag(span, "gen_ai.usage.input_tokens"), Is.EqualTo(120));
            Assert.That(Tag(span, "gen_ai.usage.output_tokens"), Is.EqualTo(30));
            Assert.That(Tag(span, "server.address"), Is.EqualTo("api.test"));
            Assert.That(Tag(span, "server.port"), Is.EqualTo(443));
            Assert.That(Tag(span, "assistants.run.status"), Is.EqualTo("completed"));
            Assert.That(Tag(span, "error.type"), Is.Null);
            Assert.That(span.Status, Is.EqualTo(ActivityStatusCode.Unset));
            Assert.That(span.Events.Select(e => e.Tags.Single().Value), Is.EqualTo(new[] { "queued", "in_progress", "completed" }));
        });

        var measurements = capture.Measurements;
        Assert.Multiple(() =>
        {
            var duration = measurements.Single(m => m.Instrument == "gen_ai.client.operation.duration");
            Assert.That(duration.Tags["gen_ai.operation.name"], Is.EqualTo("invoke_agent"));
            Assert.That(duration.Tags["gen_ai.provider.name"], Is.EqualTo("openai"));
            Assert.That(duration.Tags["server.address"], Is.EqualTo("api.test"));
            Assert.That(duration.Tags.ContainsKey("error.type"), Is.False);
            var tokens = measurements.Where(m => m.Instrument == "gen_ai.client.token.usage").ToDictionary(m => (string)m.Tags["gen_ai.token.type"]!, m => m.Value);
            Assert.That(tokens, Is.EqualTo(new Dictionary<string, double> { ["input"] = 120, ["output"] = 30 }));
        });
    }

    [Test]
    public async Task StreamedRun_WithTwoToolRounds_OneInvokeAgent_ParentOfTheHttpCallsAndTwoExecuteToolSpans()
    {
        using Wire wire = RetryTests.NewWire(new TimerRecordingTimeProvider());
        using TelemetryCapture capture = new(UniqueModel());
        Stream(wire, "threads/thread_1/runs", Event("thread.run.created", RunJson.Run("queued")) + Event("thread.run.requires_action", RunJson.RequiresAction(s_expires, ("call_1", "get_weather", """{"city":"Oslo"}"""))) + Done);
        Stream(wire, RunPath + "/submit_tool_outputs", Event("thread.run.requires_action", RunJson.RequiresAction(s_expires, ("call_2", "get_time", "{}"))) + Done);
        Stream(wire, RunPath + "/submit_tool_outputs", Event("thread.run.completed", RunJson.Run("completed", Usage)) + Done);
        FunctionToolRegistry tools = new FunctionToolRegistry().Add("get_weather", _ => "sunny").Add("get_time", _ => "noon");

        ThreadRun run = await wire.Client.Runs.CreateAndStreamToolsAsync("thread_1", "asst_1", tools, new RecordingHandler(), new RunCreationOptions { Model = capture.Model });

        List<Activity> spans = capture.Spans;
        Activity invoke = spans.Single(a => a.OperationName == "invoke_agent");
        List<Activity> toolSpans = spans.Where(a => Equals(Tag(a, "gen_ai.operation.name"), "execute_tool")).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(run.Status, Is.EqualTo(RunStatus.Completed));
            Assert.That(spans, Has.Count.EqualTo(3), "one invoke_agent across both rounds and one execute_tool per function");
            Assert.That(invoke.Parent, Is.SameAs(capture.Root));
            Assert.That(toolSpans.Select(a => a.DisplayName), Is.EqualTo(new[] { "execute_tool get_weather", "execute_tool get_time" }));
            Assert.That(toolSpans.Select(a => a.ParentSpanId), Is.All.EqualTo(invoke.SpanId));
            Assert.That(toolSpans.Select(a => a.Kind), Is.All.EqualTo(ActivityKind.Internal));
            Assert.That(toolSpans.Select(a => Tag(a, "gen_ai.tool.call.id")), Is.EqualTo(new[] { "call_1", "call_2" }));
            Assert.That(toolSpans.Select(a => Tag(a, "gen_ai.tool.type")), Is.All.EqualTo("function"));
            Assert.That(toolSpans.Select(a => Tag(a, "gen_ai.tool.call.arguments")), Is.All.Null, "no content by default");
            Assert.That(toolSpans.Select(a => Tag(a, "gen_ai.tool.call.result")), Is.All.Null, "no content by default");
            Assert.That(Tag(invoke, "gen_ai.response.id"), Is.EqualTo("run_1"));
            Assert.That(Tag(invoke, "gen_ai.conversation.id"), Is.EqualTo("thread_1"));
            Assert.That(Tag(invoke, "gen_ai.usage.output_tokens"), Is.EqualTo(30));
            Assert.That(Tag(invoke, "assistants.run.status"), Is.EqualTo("completed"));
            Assert.That(invoke.Events.Select(e => e.Tags.Single().Value), Is.EqualTo(new[] { "queued", "requires_action", "completed" }));
            Assert.That(capture.Measurements.Count(m => m.Instrument == "gen_ai.client.operation.duration"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task StreamedRun_ConsumedAlone_TheStreamOwnsItsSpanUntilItEnds()
    {
        using Wire wire = RetryTests.NewWire(new TimerRecordingTimeProvider());
        using TelemetryCapture capture = new(UniqueModel());
        Stream(wire, "threads/thread_1/runs", Event("thread.run.created", RunJson.Run("queued")) + Event("thread.run.completed", RunJson.Run("completed", Usage)) + Done);

        await using (RunStream stream = await wire.Client.Runs.CreateStreamingAsync("thread_1", "asst_1", new RunCreationOptions { Model = capture.Model }))
        {
            Assert.That(capture.Spans, Is.Empty, "the span lasts as long as the stream");
            await foreach (StreamingUpdate update in stream)
            {
                _ = update;
            }
        }

        Activity span = capture.Spans.Single();
        Assert.Multiple(() =>
        {
            Assert.That(span.OperationName, Is.EqualTo("invoke_agent"));
            Assert.That(span.Parent, Is.SameAs(capture.Root));
            Assert.That(Tag(span, "assistants.run.status"), Is.EqualTo("completed"));
            Assert.That(Tag(span, "gen_ai.usage.input_tokens"), Is.EqualTo(120));
            Assert.That(Activity.Current, Is.SameAs(capture.Root), "the stream's span never leaks into the reader's flow");
        });
    }

    [Test]
    public async Task FailedRun_ErrorTypeIsTheRunsErrorCode_OnTheSpanAndTheDuration()
    {
        TimerRecordingTimeProvider time = new();
        using Wire wire = RetryTests.NewWire(time);
        using TelemetryCapture capture = new(UniqueModel());
        wire.Expect(HttpMethod.Post, "threads/thread_1/runs", RunJson.Run("queued"));
        wire.Expect(HttpMethod.Get, RunPath, RunJson.Failed("failed", "rate_limit_exceeded", "Slow down."));

        Task<ThreadRun> call = wire.Client.Runs.CreateAndPollAsync("thread_1", "asst_1", new RunCreationOptions { Model = capture.Model });

        Assert.That(async () => await time.DriveAsync(call), Throws.TypeOf<RunFailedException>());
        Activity span = capture.Spans.Single();
        Assert.Multiple(() =>
        {
            Assert.That(Tag(span, "error.type"), Is.EqualTo("rate_limit_exceeded"));
            Assert.That(span.Status, Is.EqualTo(ActivityStatusCode.Error));
            Assert.That(Tag(span, "assistants.run.status"), Is.EqualTo("failed"));
            Assert.That(capture.Measurements.Single(m => m.Instrument == "gen_ai.client.operation.duration").Tags["error.type"], Is.EqualTo("rate_limit_exceeded"));
        });
    }

    [Test]
    public async Task CancelledWait_ErrorTypeIsTheCancellation()
    {
        TimerRecordingTimeProvider time = new();
        using Wire wire = RetryTests.NewWire(time);
        using TelemetryCapture capture = new(UniqueModel());
        using CancellationTokenSource cancel = new();
        ThreadRun queued = new() { Id = "run_1", ThreadId = "thread_1", AssistantId = "asst_1", Status = RunStatus.Queued };

        // The waiter is in its first delay when the token fires: no request was sent.
        Task<ThreadRun> call = wire.Client.Runs.WaitForRunAsync(queued, cancellationToken: cancel.Token);
        await cancel.CancelAsync();

        OperationCanceledException error = Assert.CatchAsync<OperationCanceledException>(async () => await call)!;
        Activity span = capture.Spans.Single();
        Assert.Multiple(() =>
        {
            Assert.That(Tag(span, "error.type"), Is.EqualTo(error.GetType().FullName));
            Assert.That(span.Status, Is.EqualTo(ActivityStatusCode.Error));
            Assert.That(Tag(span, "assistants.run.status"), Is.EqualTo("queued"));
        });
    }

    [Test]
    public async Task CancelledRun_StatusCancelled_IsAnError()
    {
        TimerRecordingTimeProvider time = new();
        using Wire wire = RetryTests.NewWire(time);
        using TelemetryCapture capture = new(UniqueModel());
        wire.Expect(HttpMethod.Get, RunPath, RunJson.Run("cancelled"));

        Task<ThreadRun> call = wire.Client.Runs.WaitForRunAsync("thread_1", "run_1");
        await time.DriveAsync(call);

        Activity span = capture.Spans.Single();
        Assert.Multiple(() =>
        {
            Assert.That(call.Result.Status, Is.EqualTo(RunStatus.Cancelled));
            Assert.That(Tag(span, "error.type"), Is.EqualTo("cancelled"));
            Assert.That(Tag(span, "assistants.run.status"), Is.EqualTo("cancelled"));
        });
    }

    [Test]
    public async Task ContentOptIn_RecordsToolArgumentsResultsAndInstructions()
    {
        using Wire wire = RetryTests.NewWire(new TimerRecordingTimeProvider(), o => o.Telemetry.RecordContent = true);
        using TelemetryCapture capture = new(UniqueModel());
        Stream(wire, "threads/thread_1/runs", Event("thread.run.requires_action", RunJson.RequiresAction(s_expires, ("call_1", "get_weather", """{"city":"Oslo"}"""))) + Done);
        Stream(wire, RunPath + "/submit_tool_outputs", Event("thread.run.completed", RunJson.Run("completed", ",\"instructions\":\"Be brief.\"")) + Done);
        FunctionToolRegistry tools = new FunctionToolRegistry().Add("get_weather", _ => "sunny");

        await wire.Client.Runs.CreateAndStreamToolsAsync("thread_1", "asst_1", tools, new RecordingHandler(), new RunCreationOptions { Model = capture.Model });

        Activity tool = capture.Single("execute_tool get_weather");
        Activity invoke = capture.Spans.Single(a => a.OperationName == "invoke_agent");
        Assert.Multiple(() =>
        {
            Assert.That(Tag(tool, "gen_ai.tool.call.arguments"), Is.EqualTo("""{"city":"Oslo"}"""));
            Assert.That(Tag(tool, "gen_ai.tool.call.result"), Is.EqualTo("sunny"));
            Assert.That(Tag(invoke, "gen_ai.system_instructions"), Is.EqualTo("Be brief."));
        });
    }

    [Test]
    public async Task CreateAgent_SpanNamedAfterTheAssistant_AndLaterRunsCarryItsName()
    {
        TimerRecordingTimeProvider time = new();
        using Wire wire = RetryTests.NewWire(time);
        using TelemetryCapture capture = new(UniqueModel());
        wire.Expect(HttpMethod.Post, "assistants", "{\"id\":\"asst_1\",\"object\":\"assistant\",\"name\":\"Weather bot\",\"model\":\"" + capture.Model + "\",\"instructions\":\"Secret sauce.\"}");
        wire.Expect(HttpMethod.Get, RunPath, RunJson.Run("completed"));

        await wire.Client.Assistants.CreateAsync(capture.Model, new AssistantCreationOptions { Name = "Weather bot", Instructions = "Secret sauce." });
        Task<ThreadRun> call = wire.Client.Runs.WaitForRunAsync("thread_1", "run_1");
        await time.DriveAsync(call);

        Activity create = capture.Single("create_agent Weather bot");
        Activity invoke = capture.Single("invoke_agent Weather bot");
        Assert.Multiple(() =>
        {
            Assert.That(create.Kind, Is.EqualTo(ActivityKind.Client));
            Assert.That(Tag(create, "gen_ai.operation.name"), Is.EqualTo("create_agent"));
            Assert.That(Tag(create, "gen_ai.agent.id"), Is.EqualTo("asst_1"));
            Assert.That(Tag(create, "gen_ai.agent.name"), Is.EqualTo("Weather bot"));
            Assert.That(Tag(create, "gen_ai.request.model"), Is.EqualTo(capture.Model));
            Assert.That(Tag(create, "gen_ai.system_instructions"), Is.Null, "no content by default");
            Assert.That(Tag(invoke, "gen_ai.agent.name"), Is.EqualTo("Weather bot"));
            Assert.That(capture.Measurements.Single(m => m.Instrument == "gen_ai.client.operation.duration").Tags["gen_ai.operation.name"], Is.EqualTo("create_agent"));
        });
    }

    [Test]
    public void ProviderName_PerProfile_FromTheConventionsWhereOneFits()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ServerProfile.Foundry("res", "proj").ProviderName, Is.EqualTo("azure.ai.foundry"));
            Assert.That(ServerProfile.Fabric(new Uri("https://api.fabric.microsoft.com/v1/workspaces/w/aiskills/a/aiassistant/openai")).ProviderName, Is.EqualTo("microsoft.fabric"));
            Assert.That(ServerProfile.Embedded().ProviderName, Is.EqualTo("assistants.server"));
            Assert.That(ServerProfile.OpenAICompatible(new Uri("http://localhost:8000/v1/")).ProviderName, Is.EqualTo("openai"));
            Assert.That(ServerProfile.Custom(new Uri("https://x.test/"), null, AuthenticationScheme.Bearer, null).ProviderName, Is.EqualTo("openai"));
        });
    }

    [Test]
    public async Task WithoutListeners_NothingIsEmitted_AndTheTelemetryPathsAllocateNothing()
    {
        ThreadRun run = new() { Id = "run_1", ThreadId = "thread_1", AssistantId = "asst_1", Status = RunStatus.Completed, Model = "gpt", Usage = new RunTokenUsage { PromptTokens = 1, CompletionTokens = 2 } };
        Assert.That(Client.Telemetry.AgentTelemetry.IsEnabled, Is.False, "no listener is attached outside the capturing tests");

        // Warm up, then measure every entry point a run goes through, as the waiters, loops and streams call them.
        long bytes = 0;
        for (int i = 0; i < 2; i++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            using (Client.Telemetry.InvokeAgentScope scope = Client.Telemetry.AgentTelemetry.StartInvokeAgent(null, "asst_1", "thread_1", "run_1", "gpt"))
            {
                scope.Observe(run);
                scope.Fail(s_failure);
                scope.Complete(run);
                Activity? tool = Client.Telemetry.AgentTelemetry.StartExecuteTool("f", "call_1", "{}");
                Client.Telemetry.AgentTelemetry.StopExecuteTool(tool, "out", null);
                Client.Telemetry.AgentTelemetry.Current?.Observe(run);
                Client.Telemetry.AgentTelemetry.RecordFailure(s_failure);
            }

            bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Assert.That(bytes, Is.Zero);
    }

    private static readonly Exception s_failure = new InvalidOperationException("boom");

    private static void Stream(Wire wire, string path, string sse)
        => wire.Mock.Expect(HttpMethod.Post, Wire.BaseUrl + path).Respond("text/event-stream", sse);
}
