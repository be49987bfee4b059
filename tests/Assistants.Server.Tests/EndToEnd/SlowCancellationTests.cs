using System.Threading.Tasks;
using Assistants.Client;
using Assistants.Server.Model;
using NUnit.Framework;

namespace Assistants.Server.Tests.EndToEnd;

/// <summary>A scripted turn held through cancellation keeps a cancelled run <c>cancelling</c> until it is released.</summary>
[TestFixture]
public sealed class SlowCancellationTests
{
    [Test]
    public async Task HeldThroughCancellation_StaysCancellingUntilReleased_ThenCancelled()
    {
        await using EndToEndApi api = new();
        string assistantId = await api.CreateAssistantAsync();
        string threadId = await api.CreateThreadAsync("Write a long essay.");
        TaskCompletionSource release = new();
        ScriptedTurn slow = ScriptedTurn.Reply("never given").HeldUntil(release.Task).HeldThroughCancellation();
        api.Model.Enqueue(slow);
        ThreadRun run = await api.Client.Runs.CreateAsync(threadId, assistantId);
        await slow.Started;

        ThreadRun cancelling = await api.Client.Runs.CancelAsync(threadId, run.Id);
        ThreadRun stillCancelling = await api.Client.Runs.GetAsync(threadId, run.Id);
        release.SetResult();
        ThreadRun ended = await api.Client.Runs.WaitForRunAsync(run, api.Polling);

        Assert.Multiple(() =>
        {
            Assert.That(slow.IgnoresCancellationWhileHeld, Is.True);
            Assert.That(cancelling.Status, Is.EqualTo(RunStatus.Cancelling));
            Assert.That(stillCancelling.Status, Is.EqualTo(RunStatus.Cancelling));
            Assert.That(ended.Status, Is.EqualTo(RunStatus.Cancelled));
            Assert.That(ended.CancelledAt, Is.Not.Null);
        });
    }

    [Test]
    public async Task HeldTurn_WithoutTheOption_IsCancelledWithoutRelease()
    {
        await using EndToEndApi api = new();
        string assistantId = await api.CreateAssistantAsync();
        string threadId = await api.CreateThreadAsync("Write a long essay.");
        ScriptedTurn held = ScriptedTurn.Reply("never given").HeldUntil(new TaskCompletionSource().Task);
        api.Model.Enqueue(held);
        ThreadRun run = await api.Client.Runs.CreateAsync(threadId, assistantId);
        await held.Started;

        await api.Client.Runs.CancelAsync(threadId, run.Id);
        ThreadRun ended = await api.Client.Runs.WaitForRunAsync(run, api.Polling);

        Assert.Multiple(() =>
        {
            Assert.That(held.IgnoresCancellationWhileHeld, Is.False);
            Assert.That(ended.Status, Is.EqualTo(RunStatus.Cancelled));
        });
    }
}
