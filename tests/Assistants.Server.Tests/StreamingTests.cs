using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Assistants.Server.Model;
using NUnit.Framework;

namespace Assistants.Server.Tests;

/// <summary>Part of the store conformance suite: every test runs against both stores.</summary>
[TestFixture(StoreKind.Memory)]
[TestFixture(StoreKind.Sqlite)]
public sealed class StreamingTests(StoreKind store)
{
    private const string ToolCallRecording = "StreamingToolCall().json";

    [Test]
    public async Task ThreadAndRun_Streaming_ToolCall_MatchesRecordedSequenceAndFields()
    {
        await using TestApi api = TestApi.Create(store: store);
        string assistantId = await api.CreateAssistantAsync(TestApi.WeatherTool);
        api.Model.Enqueue(ScriptedTurn.CallFunction("get_current_weather"))
            .Enqueue(ScriptedTurn.Reply("Since it's warm and sunny outside, wear light clothing."));

        List<SseEvent> first = await api.StreamAsync("threads/runs",
            $$"""{"assistant_id":"{{assistantId}}","thread":{"messages":[{"role":"user","content":"What should I wear outside right now?"}]},"stream":true}""");
        List<SseEvent> recordedFirst = Recorded.Stream(ToolCallRecording, 1);
        Assert.That(SseEvent.Shape(first), Is.EqualTo(SseEvent.Shape(recordedFirst)));
        AssertSameFields(first, recordedFirst);

        JsonObject requiresAction = first.Single(e => e.Name == "thread.run.requires_action").Json!;
        string threadId = (string)requiresAction["thread_id"]!;
        string runId = (string)requiresAction["id"]!;
        string callId = (string)requiresAction["required_action"]!["submit_tool_outputs"]!["tool_calls"]![0]!["id"]!;
        List<SseEvent> deltas = first.Where(e => e.Name == "thread.run.step.delta").ToList();
        Assert.That((string?)deltas[0].Json!["delta"]!["step_details"]!["tool_calls"]![0]!["id"], Is.EqualTo(callId));
        Assert.That(deltas[1].Json!["delta"]!["step_details"]!["tool_calls"]![0]!.AsObject().ContainsKey("id"), Is.False);

        List<SseEvent> second = await api.StreamAsync($"threads/{threadId}/runs/{runId}/submit_tool_outputs",
            $$"""{"tool_outputs":[{"tool_call_id":"{{callId}}","output":"warm and sunny"}],"stream":true}""");
        List<SseEvent> recordedSecond = Recorded.Stream(ToolCallRecording, 2);
        Assert.That(SseEvent.Shape(second), Is.EqualTo(SseEvent.Shape(recordedSecond)));
        Assert.That(second[0].Name, Is.EqualTo("thread.run.step.completed"));
        Assert.That(second[1].Name, Is.EqualTo("thread.run.queued"));
        AssertSameFields(second, recordedSecond);

        List<SseEvent> messageDeltas = second.Where(e => e.Name == "thread.message.delta").ToList();
        Assert.That(messageDeltas[0].Json!["delta"]!["content"]![0]!["text"]!.AsObject().ContainsKey("annotations"), Is.True);
        Assert.That(messageDeltas.Skip(1).All(e => !e.Json!["delta"]!["content"]![0]!["text"]!.AsObject().ContainsKey("annotations")), Is.True);
        string text = string.Concat(messageDeltas.Select(e => (string)e.Json!["delta"]!["content"]![0]!["text"]!["value"]!));
        Assert.That(text, Is.EqualTo("Since it's warm and sunny outside, wear light clothing."));
        Assert.That(second[^1].Data, Is.EqualTo("[DONE]"));
    }

    [Test]
    public async Task CreateRun_Streaming_TextReply_MatchesRecordedSequenceAndFields()
    {
        await using TestApi api = TestApi.Create(store: store);
        string assistantId = await api.CreateAssistantAsync();
        string threadId = await api.CreateThreadAsync("Hello there, assistant! How are you today?");

        List<SseEvent> events = await api.StreamAsync($"threads/{threadId}/runs", $$"""{"assistant_id":"{{assistantId}}","stream":true}""");
        List<SseEvent> recorded = Recorded.Stream("StreamingRunWorks.json", 2);
        Assert.That(SseEvent.Shape(events), Is.EqualTo(SseEvent.Shape(recorded)));
        AssertSameFields(events, recorded);
        JsonObject completed = events.Single(e => e.Name == "thread.message.completed").Json!;
        Assert.That((string?)completed["content"]![0]!["text"]!["value"], Does.StartWith(ScriptedChatClient.DefaultReplyPrefix));
    }

    [Test]
    public async Task CancelDuringStream_EmitsCancelledAndDone()
    {
        await using TestApi api = TestApi.Create(store: store);
        string assistantId = await api.CreateAssistantAsync();
        string threadId = await api.CreateThreadAsync();
        ScriptedTurn held = ScriptedTurn.Reply("never").HeldUntil(new TaskCompletionSource().Task);
        api.Model.Enqueue(held);

        Task<List<SseEvent>> streaming = api.StreamAsync($"threads/{threadId}/runs", $$"""{"assistant_id":"{{assistantId}}","stream":true}""");
        await held.Started;
        JsonObject runs = await api.GetAsync($"threads/{threadId}/runs");
        await api.PostAsync($"threads/{threadId}/runs/{(string)runs["data"]![0]!["id"]!}/cancel");
        List<SseEvent> events = await streaming;

        Assert.That(events.Select(e => e.Name), Is.EqualTo(new[]
        {
            "thread.run.created", "thread.run.queued", "thread.run.in_progress", "thread.run.cancelling", "thread.run.cancelled", "done",
        }));
    }

    private static void AssertSameFields(List<SseEvent> actual, List<SseEvent> recorded)
    {
        foreach (SseEvent expected in recorded.Where(e => e.Json is not null).DistinctBy(e => e.Name))
        {
            SseEvent mine = actual.First(e => e.Name == expected.Name);
            Assert.That(Recorded.Paths(mine.Json), Is.EquivalentTo(Recorded.Paths(expected.Json)), expected.Name);
        }
    }
}
