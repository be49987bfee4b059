using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Assistants.Client.Internal;
using Assistants.Client.Serialization;
using Assistants.Client.Tests.Replay;
using NUnit.Framework;
using static Assistants.Client.Tests.Streaming.StreamTestHelpers;

namespace Assistants.Client.Tests.Streaming;

[TestFixture]
public sealed class StreamingParserTests
{
    public static IEnumerable<TestCaseData> Streams()
        => RecordedStreams().Select(e => new TestCaseData(e.ToString()).SetName("Recorded stream " + e));

    [TestCaseSource(nameof(Streams))]
    public async Task RecordedStream_WholeByLineByteAndRandomSplits_GiveTheSameEvents(string name)
    {
        RecordedEntry entry = RecordedStreams().Single(e => e.ToString() == name);
        byte[] bytes = Encoding.UTF8.GetBytes(entry.StreamText);
        List<string> whole = (await ReadAllAsync(ChunkedStream.Whole(bytes))).Select(Describe).ToList();

        int expectedEvents = entry.StreamText.Split("\nevent: ").Length - 1; // every event but the first, plus done
        Assert.That(whole, Has.Count.EqualTo(expectedEvents), "events (done ends the stream and is not yielded)");
        Assert.That(whole.Where(d => d.StartsWith("unknown", StringComparison.Ordinal)), Is.Empty);
        Assert.That((await ReadAllAsync(ChunkedStream.ByLine(bytes))).Select(Describe), Is.EqualTo(whole));
        Assert.That((await ReadAllAsync(ChunkedStream.ByteAtATime(bytes))).Select(Describe), Is.EqualTo(whole));
        for (int seed = 1; seed <= 5; seed++)
        {
            Assert.That((await ReadAllAsync(ChunkedStream.RandomSplits(bytes, seed))).Select(Describe), Is.EqualTo(whole), $"seed {seed}");
        }
    }

    [TestCaseSource(nameof(Streams))]
    public async Task RecordedStream_CrlfLineEnds_GiveTheSameEvents(string name)
    {
        RecordedEntry entry = RecordedStreams().Single(e => e.ToString() == name);
        byte[] lf = Encoding.UTF8.GetBytes(entry.StreamText);
        byte[] crlf = Encoding.UTF8.GetBytes(entry.StreamText.Replace("\n", "\r\n"));
        List<string> expected = (await ReadAllAsync(ChunkedStream.Whole(lf))).Select(Describe).ToList();

        Assert.That((await ReadAllAsync(ChunkedStream.ByteAtATime(crlf))).Select(Describe), Is.EqualTo(expected));
    }

    [Test]
    public void RecordedMessageDeltas_FastPathMatchesSerializer()
    {
        int checkedDeltas = 0;
        int fast = 0;
        string? lastId = null;
        foreach (RecordedEntry entry in RecordedStreams())
        {
            foreach (string line in entry.StreamText.Split('\n').Where(l => l.StartsWith("data: {\"id\":\"msg_", StringComparison.Ordinal) && l.Contains("thread.message.delta", StringComparison.Ordinal)))
            {
                byte[] data = Encoding.UTF8.GetBytes(line[6..]);
                MessageDeltaUpdate? update = MessageDeltaFastReader.TryRead(data, ref lastId);
                MessageDelta viaSerializer = JsonSerializer.Deserialize(data, AssistantsJsonContext.Default.MessageDelta)!;
                checkedDeltas++;
                if (update is null)
                {
                    continue;
                }

                fast++;
                JsonAssert.AreEquivalent(line[6..], JsonSerializer.Serialize(update.Delta, AssistantsJsonContext.Default.MessageDelta));
                Assert.That(update.Text, Is.EqualTo(new MessageDeltaUpdate(viaSerializer).Text));
            }
        }

        TestContext.Out.WriteLine($"{checkedDeltas} recorded message deltas, {fast} on the fast path");
        Assert.That(fast, Is.GreaterThan(0));
    }

    [Test]
    public void RecordedAndGeneratedStepDeltas_FastPathMatchesSerializer()
    {
        int checkedDeltas = 0;
        int fast = 0;
        string? lastId = null;
        IEnumerable<string> recorded = RecordedStreams().SelectMany(e => e.StreamText.Split('\n'));
        IEnumerable<string> generated = Encoding.UTF8.GetString(HandlerAllocationTests.FunctionCallStream(2_000, seed: 3).Body).Split('\n');
        foreach (string line in recorded.Concat(generated).Where(l => l.StartsWith("data: {", StringComparison.Ordinal) && l.Contains("\"thread.run.step.delta\"", StringComparison.Ordinal)))
        {
            byte[] data = Encoding.UTF8.GetBytes(line[6..]);
            RunStepDeltaUpdate? update = RunStepDeltaFastReader.TryRead(data, ref lastId);
            RunStepDelta viaSerializer = JsonSerializer.Deserialize(data, AssistantsJsonContext.Default.RunStepDelta)!;
            checkedDeltas++;
            if (update is null)
            {
                continue;
            }

            fast++;
            Assert.That(
                JsonSerializer.Serialize(update.Delta, AssistantsJsonContext.Default.RunStepDelta),
                Is.EqualTo(JsonSerializer.Serialize(viaSerializer, AssistantsJsonContext.Default.RunStepDelta)),
                line);
            RunStepFunctionToolCallDelta call = (RunStepFunctionToolCallDelta)((RunStepToolCallsDeltaDetails)viaSerializer.Delta!.StepDetails!).ToolCalls!.Single();
            Assert.That(update.RunStepId, Is.EqualTo(viaSerializer.Id));
            Assert.That(update.TryGetFastCall(out RunStepToolCallDelta fastCall), Is.True);
            Assert.That(((RunStepFunctionToolCallDelta)fastCall).Function?.Arguments, Is.EqualTo(call.Function?.Arguments));
        }

        TestContext.Out.WriteLine($"{checkedDeltas} step deltas, {fast} on the fast path");
        Assert.That(fast, Is.GreaterThan(500));
        Assert.That(RecordedStreams().SelectMany(e => e.StreamText.Split('\n')).Count(l => l.StartsWith("data: {", StringComparison.Ordinal) && l.Contains("\"thread.run.step.delta\"", StringComparison.Ordinal)
            && RunStepDeltaFastReader.TryRead(Encoding.UTF8.GetBytes(l[6..]), ref lastId) is not null), Is.GreaterThan(0), "recorded deltas on the fast path");
    }

    [TestCase("""{"id":"step_1","object":"thread.run.step.delta","delta":{"step_details":{"type":"tool_calls","tool_calls":[{"index":0,"type":"function","function":{"arguments":"a"}},{"index":1,"id":"call_2","type":"function","function":{"name":"g","arguments":""}}]}}}""")]
    [TestCase("""{"id":"step_1","object":"thread.run.step.delta","delta":{"step_details":{"type":"tool_calls","tool_calls":[{"index":0,"type":"code_interpreter","code_interpreter":{"input":"x","outputs":[{"index":0,"type":"logs","logs":"1"}]}}]}}}""")]
    [TestCase("""{"id":"step_1","object":"thread.run.step.delta","delta":{"step_details":{"type":"tool_calls","tool_calls":[{"index":0,"type":"function","function":{"arguments":"a\u00e9\n","vendor":2}}]}}}""")]
    [TestCase("""{"id":"step_1","object":"thread.run.step.delta","delta":{"step_details":{"type":"tool_calls","tool_calls":[{"index":0,"type":"function","function":{"arguments":"a"}}]}},"vendor":1}""")]
    [TestCase("""{"id":"step_1","object":"thread.run.step.delta","delta":{"step_details":{"type":"message_creation","message_creation":{"message_id":"msg_1"}}}}""")]
    public async Task StepDelta_OtherShapes_FallBackToSerializerWithoutLoss(string json)
    {
        string? lastId = null;
        Assert.That(RunStepDeltaFastReader.TryRead(Encoding.UTF8.GetBytes(json), ref lastId), Is.Null, "not the fast path's shape");
        List<StreamingUpdate> updates = await FromText(Event("thread.run.step.delta", json)).ToListAsync();

        RunStepDeltaUpdate update = (RunStepDeltaUpdate)updates.Single();
        JsonAssert.AreEquivalent(json, JsonSerializer.Serialize(update.Delta, AssistantsJsonContext.Default.RunStepDelta));
    }

    [TestCase("""{"id":"msg_1","object":"thread.message.delta","delta":{"content":[{"index":0,"type":"text","text":{"value":"a","annotations":[{"index":0,"type":"file_citation","text":"[1]","start_index":1,"end_index":4,"file_citation":{"file_id":"file-1"}}]}}]}}""")]
    [TestCase("""{"id":"msg_1","object":"thread.message.delta","delta":{"role":"assistant","content":[{"index":0,"type":"image_file","image_file":{"file_id":"file-2"}}]}}""")]
    [TestCase("""{"id":"msg_1","object":"thread.message.delta","delta":{"content":[{"index":0,"type":"text","text":{"value":"a"}},{"index":1,"type":"refusal","refusal":"no"}]}}""")]
    [TestCase("""{"id":"msg_1","object":"thread.message.delta","delta":{"content":[{"index":0,"type":"text","text":{"value":"a\u00e9\n"}}]},"vendor":1}""")]
    public async Task MessageDelta_OtherShapes_FallBackToSerializerWithoutLoss(string json)
    {
        List<StreamingUpdate> updates = await FromText(Event("thread.message.delta", json)).ToListAsync();

        MessageDeltaUpdate update = (MessageDeltaUpdate)updates.Single();
        JsonAssert.AreEquivalent(json, JsonSerializer.Serialize(update.Delta, AssistantsJsonContext.Default.MessageDelta));
    }

    [Test]
    public async Task SseFeatures_CommentsKeepAlivesMultiLineDataAndNoEventField_AreAccepted()
    {
        string sse = ": keep-alive\n\n"
            + "event: thread.run.created\r\ndata: " + Run("queued") + "\r\n\r\n"
            + ":\n"
            + "event: thread.message.delta\ndata: {\"id\":\"msg_1\",\"object\":\"thread.message.delta\",\n"
            + "data: \"delta\":{\"content\":[{\"index\":0,\"type\":\"text\",\"text\":{\"value\":\"Hi\"}}]}}\n\n"
            + "data: " + Run("in_progress") + "\n\n"
            + "data: " + TextDelta(" there") + "\n\n"
            + "event: done\ndata: [DONE]\n\n";

        List<StreamingUpdate> updates = await FromText(sse).ToListAsync();

        Assert.That(updates.Select(u => u.EventType.ToString()), Is.EqualTo(new[] { "thread.run.created", "thread.message.delta", "thread.run.in_progress", "thread.message.delta" }));
        Assert.That(((MessageDeltaUpdate)updates[1]).Text, Is.EqualTo("Hi"));
        Assert.That(((MessageDeltaUpdate)updates[3]).Text, Is.EqualTo(" there"));
    }

    [Test]
    public async Task DoneWithoutEventName_EndsTheStream()
    {
        List<StreamingUpdate> updates = await FromText(Event("thread.run.completed", Run("completed")) + "data: [DONE]\n\n" + Event("thread.run.failed", Run("failed"))).ToListAsync();

        Assert.That(updates, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task UnknownEventInTheMiddle_SurfacesWithRawDataAndTheStreamGoesOn()
    {
        string sse = Event("thread.run.created", Run("queued")) + Event("thread.run.reticulating", """{"splines":3}""") + Event("thread.run.completed", Run("completed")) + Event("done", "[DONE]");

        List<StreamingUpdate> updates = await FromText(sse).ToListAsync();

        Assert.That(updates, Has.Count.EqualTo(3));
        UnknownStreamingUpdate unknown = (UnknownStreamingUpdate)updates[1];
        Assert.Multiple(() =>
        {
            Assert.That(unknown.EventType.ToString(), Is.EqualTo("thread.run.reticulating"));
            Assert.That(unknown.EventType.IsKnown, Is.False);
            Assert.That(unknown.RawData, Is.EqualTo("""{"splines":3}"""));
            Assert.That(updates[2].EventType, Is.EqualTo(StreamingEventType.RunCompleted));
        });
    }

    [TestCase("""{"error":{"message":"Sorry, something went wrong.","type":"server_error","param":"thread_id","code":"server_error"}}""")]
    [TestCase("""{"message":"Sorry, something went wrong.","type":"server_error","param":"thread_id","code":"server_error"}""")]
    public void ErrorEvent_InBothShapes_RaisesWithCodeMessageTypeAndParam(string data)
    {
        AssistantsApiException ex = Assert.ThrowsAsync<AssistantsApiException>(async () => await FromText(Event("thread.run.created", Run("queued")) + Event("error", data)).ToListAsync())!;

        Assert.Multiple(() =>
        {
            Assert.That(ex.ErrorCode, Is.EqualTo("server_error"));
            Assert.That(ex.ErrorType, Is.EqualTo("server_error"));
            Assert.That(ex.Param, Is.EqualTo("thread_id"));
            Assert.That(ex.Error!.Message, Is.EqualTo("Sorry, something went wrong."));
            Assert.That(ex.Message, Does.Contain("Sorry, something went wrong.").And.Contain("server_error"));
            Assert.That(ex.Status, Is.Zero);
        });
    }

    [Test]
    public void MalformedJson_RaisesWithEventNameAndExcerpt()
    {
        AssistantsApiException ex = Assert.ThrowsAsync<AssistantsApiException>(async () => await FromText(Event("thread.run.step.created", """{"id":"step_1","status": tru""")).ToListAsync())!;

        Assert.That(ex.Message, Does.Contain("'thread.run.step.created'").And.Contain("""{"id":"step_1","status": tru"""));
        Assert.That(ex.InnerException, Is.InstanceOf<JsonException>());
    }

    [TestCase("event: thread.run.in_progress\ndata: {\"id\":\"run_1\",\"sta")]
    [TestCase("event: thread.run.in_progress\ndata: {\"id\":\"run_1\"}\n")]
    [TestCase("event: thread.message.del")]
    public void StreamCutMidEvent_RaisesStreamEndedEarly(string tail)
    {
        string sse = Event("thread.run.created", Run("queued")) + tail;
        List<StreamingUpdate> seen = new();

        StreamEndedEarlyException ex = Assert.ThrowsAsync<StreamEndedEarlyException>(async () =>
        {
            await foreach (StreamingUpdate update in FromText(sse))
            {
                seen.Add(update);
            }
        })!;

        Assert.That(ex.Message, Does.Contain("ended early"));
        Assert.That(seen, Has.Count.EqualTo(1), "events before the cut are delivered");
    }

    [Test]
    public async Task StreamEndingOnEventBoundaryWithoutDone_EndsQuietlyWithoutAPipeline()
    {
        List<StreamingUpdate> updates = await FromText(Event("thread.run.created", Run("queued"))).ToListAsync();

        Assert.That(updates, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task RunEvent_IsClassifiedByPayloadStatus()
    {
        List<StreamingUpdate> updates = await FromText(Event("thread.run.completed", Run("incomplete")) + Event("thread.run.created", Run("queued"))).ToListAsync();

        RunUpdate run = (RunUpdate)updates[0];
        Assert.Multiple(() =>
        {
            Assert.That(run.EventType, Is.EqualTo(StreamingEventType.RunIncomplete));
            Assert.That(run.ReceivedEventType, Is.EqualTo(StreamingEventType.RunCompleted));
            Assert.That(run.IsFinal, Is.True);
            Assert.That(updates[1].EventType, Is.EqualTo(StreamingEventType.RunCreated));
        });
    }

    [Test]
    public void EventTypes_AllTwentyFiveSpecNamesAreKnown()
    {
        string[] names =
        {
            "thread.created", "thread.run.created", "thread.run.queued", "thread.run.in_progress", "thread.run.requires_action",
            "thread.run.completed", "thread.run.incomplete", "thread.run.failed", "thread.run.cancelling", "thread.run.cancelled",
            "thread.run.expired", "thread.run.step.created", "thread.run.step.in_progress", "thread.run.step.delta",
            "thread.run.step.completed", "thread.run.step.failed", "thread.run.step.cancelled", "thread.run.step.expired",
            "thread.message.created", "thread.message.in_progress", "thread.message.delta", "thread.message.completed",
            "thread.message.incomplete", "error", "done",
        };

        Assert.That(names.Select(n => new StreamingEventType(n).IsKnown), Is.All.True);
        Assert.That(StreamingEventType.AllKnown().Select(t => t.ToString()), Is.EquivalentTo(names));
    }

    [TestCase("thread.run.step.failed", "failed")]
    [TestCase("thread.run.step.cancelled", "cancelled")]
    [TestCase("thread.run.step.expired", "expired")]
    [TestCase("thread.message.incomplete", null)]
    public async Task SpecOnlyEvents_ParseIntoTheirTypes(string name, string? stepStatus)
    {
        string data = stepStatus is null
            ? """{"id":"msg_1","object":"thread.message","created_at":1,"thread_id":"thread_1","status":"incomplete","incomplete_details":{"reason":"max_tokens"},"role":"assistant","content":[]}"""
            : $$$"""{"id":"step_1","object":"thread.run.step","created_at":1,"run_id":"run_1","thread_id":"thread_1","type":"tool_calls","status":"{{{stepStatus}}}","step_details":{"type":"tool_calls","tool_calls":[]}}""";

        StreamingUpdate update = (await FromText(Event(name, data)).ToListAsync()).Single();

        Assert.That(update.EventType.ToString(), Is.EqualTo(name));
        Assert.That(update, stepStatus is null ? Is.InstanceOf<MessageUpdate>() : Is.InstanceOf<RunStepUpdate>());
    }
}
