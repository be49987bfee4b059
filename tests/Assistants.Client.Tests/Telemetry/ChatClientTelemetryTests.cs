using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using NUnit.Framework;
using RichardSzalay.MockHttp;
using static Assistants.Client.Tests.Streaming.StreamTestHelpers;

namespace Assistants.Client.Tests.Telemetry;

/// <summary>The <c>IChatClient</c> bridge's spans: one <c>invoke_agent</c> per call, covering the thread it creates and the run it streams.</summary>
[TestFixture]
[NonParallelizable]
public sealed class ChatClientTelemetryTests
{
    private const string Done = "event: done\ndata: [DONE]\n\n";
    private const string Usage = ",\"model\":\"gpt-test\",\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":30,\"total_tokens\":150}";

    private static object? Tag(Activity activity, string name) => activity.GetTagItem(name);

    [Test]
    public async Task GetResponse_OnANewThread_OneInvokeAgent_WithTheThreadItCreated_TheRunAndItsUsage()
    {
        using Wire wire = RetryTests.NewWire(new TimerRecordingTimeProvider());
        using TelemetryCapture capture = new("model-" + Guid.NewGuid().ToString("N"));
        wire.Expect(HttpMethod.Post, "threads", """{"id":"thread_1","object":"thread","created_at":1}""");
        Stream(wire, "threads/thread_1/runs", Event("thread.run.created", RunJson.Run("queued")) + Event("thread.message.delta", TextDelta("Hi"))
            + Event("thread.run.completed", RunJson.Run("completed", Usage)) + Done);

        ChatResponse response = await wire.Client.AsIChatClient("asst_1").GetResponseAsync("Hello", new ChatOptions { ModelId = capture.Model });

        Activity span = capture.Spans.Single();
        Assert.Multiple(() =>
        {
            Assert.That(response.Text, Is.EqualTo("Hi"));
            Assert.That(span.OperationName, Is.EqualTo("invoke_agent"));
            Assert.That(span.Kind, Is.EqualTo(ActivityKind.Client));
            Assert.That(span.Parent, Is.SameAs(capture.Root));
            Assert.That(Tag(span, "gen_ai.agent.id"), Is.EqualTo("asst_1"));
            Assert.That(Tag(span, "gen_ai.conversation.id"), Is.EqualTo("thread_1"), "the thread the call created");
            Assert.That(Tag(span, "gen_ai.response.id"), Is.EqualTo("run_1"));
            Assert.That(Tag(span, "gen_ai.request.model"), Is.EqualTo(capture.Model));
            Assert.That(Tag(span, "gen_ai.usage.input_tokens"), Is.EqualTo(120));
            Assert.That(Tag(span, "assistants.run.status"), Is.EqualTo("completed"));
            Assert.That(Tag(span, "error.type"), Is.Null);
            Assert.That(span.Events.Select(e => e.Tags.Single().Value), Is.EqualTo(new[] { "queued", "completed" }));
            Assert.That(capture.Measurements.Count(m => m.Instrument == "gen_ai.client.operation.duration"), Is.EqualTo(1));
            Assert.That(Activity.Current, Is.SameAs(capture.Root), "the call's span never leaks into the caller's flow");
        });
    }

    [Test]
    public async Task FunctionCallingTurn_TwoCalls_TwoSpansOfTheSameRun_TheFirstEndingAtRequiresActionWithoutError()
    {
        using Wire wire = RetryTests.NewWire(new TimerRecordingTimeProvider());
        using TelemetryCapture capture = new("model-" + Guid.NewGuid().ToString("N"));
        Stream(wire, "threads/thread_1/runs", Event("thread.run.created", RunJson.Run("queued"))
            + Event("thread.run.requires_action", RunJson.RequiresAction(RunJson.Start + 600, ("call_1", "add", "{}"))) + Done);
        Stream(wire, "threads/thread_1/runs/run_1/submit_tool_outputs", Event("thread.run.completed", RunJson.Run("completed", Usage)) + Done);
        IChatClient chat = wire.Client.AsIChatClient("asst_1", "thread_1");

        ChatResponse asking = await chat.GetResponseAsync("What is 40 + 2?", new ChatOptions { ModelId = capture.Model });
        string callId = asking.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Single().CallId;
        using JsonDocument number = JsonDocument.Parse("42");
        await chat.GetResponseAsync(
            [new ChatMessage(ChatRole.Tool, [new FunctionResultContent(callId, number.RootElement.Clone())])],
            new ChatOptions { ConversationId = asking.ConversationId, ModelId = capture.Model });

        List<Activity> spans = capture.Spans;
        Assert.Multiple(() =>
        {
            Assert.That(spans.Select(s => s.OperationName), Is.EqualTo(new[] { "invoke_agent", "invoke_agent" }));
            Assert.That(spans.Select(s => Tag(s, "gen_ai.response.id")), Is.All.EqualTo("run_1"));
            Assert.That(spans.Select(s => Tag(s, "assistants.run.status")), Is.EqualTo(new[] { "requires_action", "completed" }));
            Assert.That(spans.Select(s => Tag(s, "error.type")), Is.All.Null);
            Assert.That(spans.Select(s => s.Parent), Is.All.SameAs(capture.Root));
        });
    }

    [Test]
    public void FailedRun_TheCallThrows_AndItsSpanCarriesTheRunsErrorCode()
    {
        using Wire wire = RetryTests.NewWire(new TimerRecordingTimeProvider());
        using TelemetryCapture capture = new("model-" + Guid.NewGuid().ToString("N"));
        Stream(wire, "threads/thread_1/runs", Event("thread.run.created", RunJson.Run("queued"))
            + Event("thread.run.failed", RunJson.Failed("failed", "rate_limit_exceeded", "Slow down.")) + Done);

        Assert.That(
            async () => await wire.Client.AsIChatClient("asst_1", "thread_1").GetResponseAsync("Hi", new ChatOptions { ModelId = capture.Model }),
            Throws.TypeOf<RunFailedException>());
        Activity span = capture.Spans.Single();
        Assert.Multiple(() =>
        {
            Assert.That(Tag(span, "error.type"), Is.EqualTo("rate_limit_exceeded"));
            Assert.That(span.Status, Is.EqualTo(ActivityStatusCode.Error));
            Assert.That(capture.Measurements.Single(m => m.Instrument == "gen_ai.client.operation.duration").Tags["error.type"], Is.EqualTo("rate_limit_exceeded"));
        });
    }

    private static void Stream(Wire wire, string path, string sse)
        => wire.Mock.Expect(HttpMethod.Post, Wire.BaseUrl + path).Respond("text/event-stream", sse);
}
