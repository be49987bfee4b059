using System.Threading.Tasks;
using NUnit.Framework;
using static Assistants.Client.Tests.Streaming.StreamTestHelpers;

namespace Assistants.Client.Tests.Streaming;

/// <summary>The stream ends the recorded-stream replays accept (<see cref="RecordedStreamEnds"/>), and one they refuse.</summary>
[TestFixture]
public sealed class RecordedStreamEndsTests
{
    private const string Done = "event: done\ndata: [DONE]\n\n";
    private const string MessageCreated = """{"id":"msg_1","object":"thread.message","thread_id":"thread_1","role":"assistant","status":"in_progress","content":[]}""";

    [TestCase("tool outputs", "requires_action: tool outputs")]
    [TestCase("incomplete message", "incomplete message, run incomplete")]
    [TestCase("cut off", "recording stops mid-message")]
    [TestCase("completed", "run completed")]
    [TestCase("stalled", null)]
    public async Task StreamEnd_IsClassified(string kind, string? expected)
    {
        string sse = Event("thread.run.created", Run("queued")) + kind switch
        {
            "tool outputs" => Event("thread.run.requires_action", RunJson.RequiresAction(RunJson.Start + 600, ("call_1", "f", "{}"))),
            "incomplete message" => Event("thread.message.created", MessageCreated) + Event("thread.message.delta", TextDelta("Hal"))
                + Event("thread.message.incomplete", MessageCreated.Replace("\"in_progress\"", "\"incomplete\"", System.StringComparison.Ordinal)) + Event("thread.run.incomplete", Run("incomplete")),
            "cut off" => Event("thread.run.in_progress", Run("in_progress")) + Event("thread.message.created", MessageCreated) + Event("thread.message.delta", TextDelta("Hal")),
            "completed" => Event("thread.run.completed", Run("completed")),
            _ => Event("thread.run.in_progress", Run("in_progress")),
        } + Done;
        RecordingHandler handler = new();

        await handler.ConsumeAsync(FromText(sse));

        Assert.That(RecordedStreamEnds.Classify(handler), Is.EqualTo(expected));
    }
}
