using System.Collections.Generic;
using System.Threading.Tasks;
using NUnit.Framework;
using static Assistants.Client.Tests.Streaming.StreamTestHelpers;

namespace Assistants.Client.Tests.Streaming;

/// <summary>
/// Run events are deserialized when <see cref="RunUpdate.Run"/> is first read (docs/benchmarks.md). What the stream
/// shows must not change: the status, ids and the run itself, and a malformed event still fails where it arrives.
/// </summary>
[TestFixture]
public sealed class DeferredRunEventTests
{
    [Test]
    public async Task RunEvents_GiveTheSameStatusIdsAndRun()
    {
        List<RunUpdate> runs = new();
        RunStream stream = FromText(Event("thread.run.created", Run("queued")) + Event("thread.run.completed", Run("completed")) + Event("done", "[DONE]"));
        await foreach (StreamingUpdate update in stream)
        {
            runs.Add((RunUpdate)update);
        }

        Assert.That(runs.ConvertAll(r => r.Status), Is.EqualTo(new RunStatus?[] { RunStatus.Queued, RunStatus.Completed }));
        Assert.That(runs[1].IsFinal, Is.True);
        ThreadRun first = runs[1].Run;
        Assert.That(first.Id, Is.EqualTo("run_1"));
        Assert.That(runs[1].Run.Status, Is.EqualTo(RunStatus.Completed));
        Assert.That(runs[1].Run, Is.SameAs(first), "deserialized once");
        Assert.That(stream.RunId, Is.EqualTo("run_1"));
        Assert.That(stream.ThreadId, Is.EqualTo("thread_1"));
        Assert.That(stream.LatestRun, Is.SameAs(runs[1].Run));
    }

    [Test]
    public void MalformedRunEvent_FailsTheStreamWhereItArrives()
    {
        RunStream stream = FromText(Event("thread.run.created", "{\"id\":\"run_1\",\"status\":\"queued\"") + Event("done", "[DONE]"));

        AssistantsApiException? error = Assert.ThrowsAsync<AssistantsApiException>(async () =>
        {
            await foreach (StreamingUpdate update in stream)
            {
            }
        });
        Assert.That(error!.Message, Does.Contain("thread.run.created"));
    }

    [Test]
    public async Task WellFormedEventThatIsNotARun_FailsWhenTheRunIsRead()
    {
        RunStream stream = FromText(Event("thread.run.created", "{\"id\":\"run_1\",\"status\":\"queued\",\"created_at\":\"soon\"}") + Event("done", "[DONE]"));
        List<RunUpdate> runs = new();
        await foreach (StreamingUpdate update in stream)
        {
            runs.Add((RunUpdate)update);
        }

        Assert.That(runs[0].Status, Is.EqualTo(RunStatus.Queued));
        AssistantsApiException? error = Assert.Throws<AssistantsApiException>(() => _ = runs[0].Run);
        Assert.That(error!.Message, Does.Contain("thread.run.created"));
    }
}
