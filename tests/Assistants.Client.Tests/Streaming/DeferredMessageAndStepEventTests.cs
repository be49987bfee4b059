using System.Collections.Generic;
using System.Threading.Tasks;
using NUnit.Framework;
using static Assistants.Client.Tests.Streaming.StreamTestHelpers;

namespace Assistants.Client.Tests.Streaming;

/// <summary>
/// Message and step events are deserialized when <see cref="MessageUpdate.Message"/> or <see cref="RunStepUpdate.RunStep"/>
/// is first read (docs/PERFORMANCE.md), as run events are. What the stream shows must not change, and a malformed
/// event still fails where it arrives.
/// </summary>
[TestFixture]
public sealed class DeferredMessageAndStepEventTests
{
    private const string Message = """{"id":"msg_1","object":"thread.message","thread_id":"thread_1","status":"completed","role":"assistant","content":[{"type":"text","text":{"value":"Hi","annotations":[]}}],"attachments":[],"metadata":{}}""";
    private const string Step = """{"id":"step_1","object":"thread.run.step","run_id":"run_1","type":"message_creation","status":"completed","step_details":{"type":"message_creation","message_creation":{"message_id":"msg_1"}}}""";

    [Test]
    public async Task MessageAndStepEvents_GiveTheSameObjectsOnceRead()
    {
        List<StreamingUpdate> updates = new();
        await foreach (StreamingUpdate update in FromText(Event("thread.run.step.completed", Step) + Event("thread.message.completed", Message) + Event("done", "[DONE]")))
        {
            updates.Add(update);
        }

        RunStepUpdate step = (RunStepUpdate)updates[0];
        MessageUpdate message = (MessageUpdate)updates[1];
        RunStep firstStep = step.RunStep;
        ThreadMessage firstMessage = message.Message;
        Assert.That(step.EventType, Is.EqualTo(StreamingEventType.RunStepCompleted));
        Assert.That(step.RunStep.Id, Is.EqualTo("step_1"));
        Assert.That(step.RunStep.Status, Is.EqualTo(RunStepStatus.Completed));
        Assert.That(step.RunStep, Is.SameAs(firstStep), "deserialized once");
        Assert.That(message.EventType, Is.EqualTo(StreamingEventType.MessageCompleted));
        Assert.That(((MessageTextContent)message.Message.Content![0]).Text!.Value, Is.EqualTo("Hi"));
        Assert.That(message.Message, Is.SameAs(firstMessage), "deserialized once");
        Assert.That(AssistantsJson.Serialize(message.Message), Is.EqualTo(Message));
    }

    [TestCase("thread.message.created")]
    [TestCase("thread.run.step.created")]
    public void MalformedEvent_FailsTheStreamWhereItArrives(string name)
    {
        RunStream stream = FromText(Event(name, "{\"id\":\"x_1\",\"status\":\"in_progress\"") + Event("done", "[DONE]"));

        AssistantsApiException? error = Assert.ThrowsAsync<AssistantsApiException>(async () =>
        {
            await foreach (StreamingUpdate update in stream)
            {
            }
        });
        Assert.That(error!.Message, Does.Contain(name));
    }

    [Test]
    public async Task WellFormedEventThatIsNotAMessage_FailsWhenTheMessageIsRead()
    {
        List<StreamingUpdate> updates = new();
        await foreach (StreamingUpdate update in FromText(Event("thread.message.created", "{\"id\":\"msg_1\",\"created_at\":\"soon\"}") + Event("done", "[DONE]")))
        {
            updates.Add(update);
        }

        AssistantsApiException? error = Assert.Throws<AssistantsApiException>(() => _ = ((MessageUpdate)updates[0]).Message);
        Assert.That(error!.Message, Does.Contain("thread.message.created"));
    }
}
