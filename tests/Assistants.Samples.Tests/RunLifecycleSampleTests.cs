using System.Threading.Tasks;
using NUnit.Framework;

namespace Assistants.Samples.Tests;

/// <summary>The run-lifecycle sample, offline: every run status a user can meet is reached and printed.</summary>
[TestFixture]
[NonParallelizable]
public sealed class RunLifecycleSampleTests
{
    [Test]
    [CancelAfter(120_000)]
    public async Task RunLifecycle_Offline_ReachesEveryRunStatus()
    {
        SampleResult result = await SampleRunner.RunAsync("RunLifecycle");
        TestContext.Out.WriteLine(result.Output);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, result.Output);
            Assert.That(result.Output, Does.Match(@"created run_\S+: queued"));
            Assert.That(result.Output, Does.Contain("retrieved: in_progress"));
            Assert.That(result.Output, Does.Contain("the waiter returned: requires_action"));
            Assert.That(result.Output, Does.Contain("CancelIfActiveAsync returned: cancelling"));
            Assert.That(result.Output, Does.Contain("retrieved while the model is still stopping: cancelling"));
            Assert.That(result.Output, Does.Contain("the waiter returned: cancelled"));
            Assert.That(result.Output, Does.Match(@"run_\S+ ended failed"));
            Assert.That(result.Output, Does.Contain("the waiter returned: incomplete (reason max_completion_tokens)"));
            Assert.That(result.Output, Does.Contain("completion tokens): Once upon a time there was a run that wanted"));
            Assert.That(result.Output, Does.Contain("the waiter threw RunFailedException: expired"));
            Assert.That(result.Output, Does.Contain(
                "Statuses seen: queued, in_progress, completed, requires_action, cancelling, cancelled, failed, incomplete, expired"));
        });
    }
}
