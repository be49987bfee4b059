using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace Assistants.Client.Tests;

[TestFixture]
public sealed class RunWaiterTests
{
    private const string RunPath = "threads/thread_1/runs/run_1";

    private static Wire NewWire(TimerRecordingTimeProvider time, ILoggerFactory? logs = null)
        => RetryTests.NewWire(time, o => o.LoggerFactory = logs);

    [Test]
    public async Task WaitForRunAsync_WithoutPollHeader_PollsEverySecondUntilCompleted()
    {
        TimerRecordingTimeProvider time = new();
        using Wire wire = NewWire(time);
        wire.Expect(HttpMethod.Get, RunPath, RunJson.Run("queued"));
        wire.Expect(HttpMethod.Get, RunPath, RunJson.Run("in_progress"));
        wire.Expect(HttpMethod.Get, RunPath, RunJson.Run("in_progress"));
        wire.Expect(HttpMethod.Get, RunPath, RunJson.Run("completed"));

        Task<ThreadRun> call = wire.Client.Runs.WaitForRunAsync("thread_1", "run_1");
        List<TimeSpan> waits = await time.DriveAsync(call);

        Assert.Multiple(() =>
        {
            Assert.That(call.Result.Status, Is.EqualTo(RunStatus.Completed));
            Assert.That(waits, Is.EqualTo(Enumerable.Repeat(TimeSpan.FromSeconds(1), 3)));
            Assert.That(wire.Requests, Has.Count.EqualTo(4));
        });
    }

    [Test]
    public async Task WaitForRunAsync_WithPollHeader_WaitsWhatTheServerSaysOnEveryPoll()
    {
        TimerRecordingTimeProvider time = new();
        using Wire wire = NewWire(time);
        wire.Expect(HttpMethod.Get, RunPath, RunJson.Run("queued"), headers: RetryTests.Headers("openai-poll-after-ms", "250"));
        wire.Expect(HttpMethod.Get, RunPath, RunJson.Run("in_progress"), headers: RetryTests.Headers("openai-poll-after-ms", "2000"));
        wire.Expect(HttpMethod.Get, RunPath, RunJson.Run("in_progress"));
        wire.Expect(HttpMethod.Get, RunPath, RunJson.Run("completed"));

        Task<ThreadRun> call = wire.Client.Runs.WaitForRunAsync("thread_1", "run_1");
        List<TimeSpan> waits = await time.DriveAsync(call);

        Assert.That(waits, Is.EqualTo(new[] { TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1) }));
    }

    [Test]
    public async Task WaitForRunAsync_PollHeaderIgnoredWhenAsked_AndBackoffGrowsToTheMaximum()
    {
        TimerRecordingTimeProvider time = new();
        using Wire wire = NewWire(time);
        for (int i = 0; i < 4; i++)
        {
            wire.Expect(HttpMethod.Get, RunPath, RunJson.Run("in_progress"), headers: RetryTests.Headers("openai-poll-after-ms", "50"));
        }

        wire.Expect(HttpMethod.Get, RunPath, RunJson.Run("completed"));
        RunPollingOptions options = new() { UseServerPollInterval = false, Backoff = 2, MaxInterval = TimeSpan.FromSeconds(5) };

        Task<ThreadRun> call = wire.Client.Runs.WaitForRunAsync("thread_1", "run_1", options);
        List<TimeSpan> waits = await time.DriveAsync(call);

        Assert.That(waits, Is.EqualTo(new[] { 1, 2, 4, 5 }.Select(s => TimeSpan.FromSeconds(s))));
    }

    [Test]
    public async Task WaitForRunAsync_ZeroPollHeader_NeverBusyLoops()
    {
        TimerRecordingTimeProvider time = new();
        using Wire wire = NewWire(time);
        wire.Expect(HttpMethod.Get, RunPath, RunJson.Run("in_progress"), headers: RetryTests.Headers("openai-poll-after-ms", "0"));
        wire.Expect(HttpMethod.Get, RunPath, RunJson.Run("completed"));

        Task<ThreadRun> call = wire.Client.Runs.WaitForRunAsync("thread_1", "run_1");
        List<TimeSpan> waits = await time.DriveAsync(call);

        Assert.That(waits, Is.EqualTo(new[] { TimeSpan.FromMilliseconds(100) }));
    }

    [Test]
    public async Task WaitForRunAsync_UnknownStatus_KeepsWaitingWithTheDelayAndLogsItOnce()
    {
        TimerRecordingTimeProvider time = new();
        CapturingLoggerProvider logs = new();
        using ILoggerFactory factory = logs.CreateFactory();
        using Wire wire = NewWire(time, factory);
        wire.Expect(HttpMethod.Get, RunPath, RunJson.Run("paused"));
        wire.Expect(HttpMethod.Get, RunPath, RunJson.Run("paused"));
        wire.Expect(HttpMethod.Get, RunPath, RunJson.Run("completed"));

        Task<ThreadRun> call = wire.Client.Runs.WaitForRunAsync("thread_1", "run_1");
        List<TimeSpan> waits = await time.DriveAsync(call);

        Assert.Multiple(() =>
        {
            Assert.That(call.Result.Status, Is.EqualTo(RunStatus.Completed));
            Assert.That(waits, Is.EqualTo(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1) }));
            Assert.That(logs.Lines.Count(l => l.EventName == "UnknownValue" && l.Message.Contains("'paused'")), Is.EqualTo(1));
            Assert.That(logs.Lines.Count(l => l.EventName == "PollTick"), Is.EqualTo(2));
            Assert.That(logs.Lines.First(l => l.EventName == "PollTick").Message, Does.Contain("Run run_1 of thread thread_1 is paused").And.Contain("next poll in 1000 ms"));
        });
    }

    [TestCase("completed")]
    [TestCase("cancelled")]
    [TestCase("incomplete")]
    [TestCase("requires_action")]
    public async Task WaitForRunAsync_StopsAtStatus_AndReturnsTheRun(string status)
    {
        TimerRecordingTimeProvider time = new();
        using Wire wire = NewWire(time);
        wire.Expect(HttpMethod.Get, RunPath, RunJson.Run("in_progress"));
        wire.Expect(HttpMethod.Get, RunPath, RunJson.Run(status));

        Task<ThreadRun> call = wire.Client.Runs.WaitForRunAsync("thread_1", "run_1");
        await time.DriveAsync(call);

        Assert.That(call.Result.Status, Is.EqualTo(new RunStatus(status)));
        Assert.That(wire.Requests, Has.Count.EqualTo(2));
    }

    [TestCase("failed", "server_error", "Something went wrong.")]
    [TestCase("expired", "rate_limit_exceeded", "The run expired.")]
    public async Task WaitForRunAsync_FailedOrExpired_ThrowsWithTheRunAndItsLastError(string status, string code, string message)
    {
        TimerRecordingTimeProvider time = new();
        using Wire wire = NewWire(time);
        wire.Expect(HttpMethod.Get, RunPath, RunJson.Run("in_progress"));
        wire.Expect(HttpMethod.Get, RunPath, RunJson.Failed(status, code, message));

        Task<ThreadRun> call = wire.Client.Runs.WaitForRunAsync("thread_1", "run_1");
        RunFailedException? error = null;
        try
        {
            await time.DriveAsync(call);
        }
        catch (RunFailedException ex)
        {
            error = ex;
        }

        Assert.That(error, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(error!.RunStatus, Is.EqualTo(new RunStatus(status)));
            Assert.That(error.Run.Id, Is.EqualTo("run_1"));
            Assert.That(error.LastError!.Code.ToString(), Is.EqualTo(code));
            Assert.That(error.ErrorCode, Is.EqualTo(code));
            Assert.That(error.Message, Is.EqualTo($"Run run_1 on thread thread_1 ended {status}: [{code}] {message}"));
            Assert.That(error.RequestId, Is.EqualTo("req_test"));
        });
    }

    [Test]
    public async Task WaitForRunAsync_FailedWithThrowOnFailureOff_ReturnsTheRun()
    {
        TimerRecordingTimeProvider time = new();
        using Wire wire = NewWire(time);
        wire.Expect(HttpMethod.Get, RunPath, RunJson.Failed("failed", "server_error", "boom"));

        ThreadRun run = await wire.Client.Runs.WaitForRunAsync("thread_1", "run_1", new RunPollingOptions { ThrowOnFailure = false });

        Assert.That(run.Status, Is.EqualTo(RunStatus.Failed));
        Assert.That(run.LastError!.Message, Is.EqualTo("boom"));
    }

    [Test]
    public async Task WaitForRunAsync_MaxWait_StopsWithRunWaitTimeout_AndCancelsWhenAsked()
    {
        TimerRecordingTimeProvider time = new();
        using Wire wire = NewWire(time);
        for (int i = 0; i < 4; i++)
        {
            wire.Expect(HttpMethod.Get, RunPath, RunJson.Run("in_progress"));
        }

        wire.Expect(HttpMethod.Post, RunPath + "/cancel", RunJson.Run("cancelling"));
        RunPollingOptions options = new() { MaxWait = TimeSpan.FromSeconds(2.5), CancelRunWhenAbandoned = true };

        Task<ThreadRun> call = wire.Client.Runs.WaitForRunAsync("thread_1", "run_1", options);
        List<TimeSpan> waits = new();
        AssistantsTimeoutException? error = null;
        try
        {
            waits = await time.DriveAsync(call);
        }
        catch (AssistantsTimeoutException ex)
        {
            error = ex;
        }

        Assert.Multiple(() =>
        {
            Assert.That(error, Is.Not.Null);
            Assert.That(error!.Kind, Is.EqualTo(AssistantsTimeoutKind.RunWait));
            Assert.That(error.Message, Does.Contain("run_1").And.Contain("in_progress"));
            Assert.That(time.Started, Is.EqualTo(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(0.5) }));
            Assert.That(wire.Requests.Last().Uri, Does.EndWith("/cancel"));
        });
    }

    [Test]
    public async Task WaitForRunAsync_CallerCancelsMidWait_ReturnsPromptlyWithoutAnotherPoll()
    {
        TimerRecordingTimeProvider time = new();
        using Wire wire = NewWire(time);
        wire.Expect(HttpMethod.Get, RunPath, RunJson.Run("in_progress"));
        using CancellationTokenSource cts = new();

        Task<ThreadRun> call = wire.Client.Runs.WaitForRunAsync("thread_1", "run_1", cancellationToken: cts.Token);
        await time.NextTimerAsync();
        cts.Cancel();

        Assert.That(async () => await call, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(wire.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void WaitForRunAsync_BadOptions_Throw()
    {
        using Wire wire = new();
        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => wire.Client.Runs.WaitForRunAsync("thread_1", "run_1", new RunPollingOptions { Interval = TimeSpan.Zero }));
        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => wire.Client.Runs.WaitForRunAsync("thread_1", "run_1", new RunPollingOptions { Backoff = 0.5 }));
        Assert.That(wire.Requests, Is.Empty);
    }

    [Test]
    public async Task CreateAndPollAsync_CreatesThenWaits()
    {
        TimerRecordingTimeProvider time = new();
        using Wire wire = NewWire(time);
        wire.Expect(HttpMethod.Post, "threads/thread_1/runs", RunJson.Run("queued"));
        wire.Expect(HttpMethod.Get, RunPath, RunJson.Run("completed"));

        Task<ThreadRun> call = wire.Client.Runs.CreateAndPollAsync("thread_1", "asst_1");
        List<TimeSpan> waits = await time.DriveAsync(call);

        Assert.That(call.Result.Status, Is.EqualTo(RunStatus.Completed));
        Assert.That(waits, Is.EqualTo(new[] { TimeSpan.FromSeconds(1) }));
    }

    [Test]
    public async Task SubmitToolOutputsAndPollAsync_SubmitsThenWaits()
    {
        TimerRecordingTimeProvider time = new();
        using Wire wire = NewWire(time);
        wire.Expect(HttpMethod.Post, RunPath + "/submit_tool_outputs", RunJson.Run("queued"));
        wire.Expect(HttpMethod.Get, RunPath, RunJson.Run("completed"));

        Task<ThreadRun> call = wire.Client.Runs.SubmitToolOutputsAndPollAsync("thread_1", "run_1", new[] { new ToolOutput("call_1", "42") });
        await time.DriveAsync(call);

        Assert.That(call.Result.Status, Is.EqualTo(RunStatus.Completed));
        JsonAssert.AreEquivalent("""{"tool_outputs":[{"tool_call_id":"call_1","output":"42"}]}""", wire.Requests[0].Body!);
    }

    [Test]
    public async Task CancelIfActiveAsync_RunAlreadyEnded_IsNotAnError()
    {
        using Wire wire = NewWire(new TimerRecordingTimeProvider());
        wire.Expect(HttpMethod.Post, RunPath + "/cancel", """{"error":{"message":"Cannot cancel run with status 'completed'.","type":"invalid_request_error","param":null,"code":null}}""", HttpStatusCode.BadRequest);
        wire.Expect(HttpMethod.Get, RunPath, RunJson.Run("completed"));

        ThreadRun run = await wire.Client.Runs.CancelIfActiveAsync("thread_1", "run_1");

        Assert.That(run.Status, Is.EqualTo(RunStatus.Completed));
    }

    [Test]
    public async Task CancelIfActiveAsync_ActiveRun_WaitsUntilCancelled()
    {
        TimerRecordingTimeProvider time = new();
        using Wire wire = NewWire(time);
        wire.Expect(HttpMethod.Post, RunPath + "/cancel", RunJson.Run("cancelling"));
        wire.Expect(HttpMethod.Get, RunPath, RunJson.Run("cancelling"));
        wire.Expect(HttpMethod.Get, RunPath, RunJson.Run("cancelled"));

        Task<ThreadRun> call = wire.Client.Runs.CancelIfActiveAsync("thread_1", "run_1", waitUntilEnded: true);
        await time.DriveAsync(call);

        Assert.That(call.Result.Status, Is.EqualTo(RunStatus.Cancelled));
        Assert.That(wire.Requests, Has.Count.EqualTo(3));
    }

    [Test]
    public void CancelIfActiveAsync_OtherRefusal_IsRaised()
    {
        using Wire wire = NewWire(new TimerRecordingTimeProvider());
        wire.Expect(HttpMethod.Post, RunPath + "/cancel", """{"error":{"message":"nope","type":"invalid_request_error","param":null,"code":null}}""", HttpStatusCode.BadRequest);
        wire.Expect(HttpMethod.Get, RunPath, RunJson.Run("in_progress"));

        Assert.ThrowsAsync<AssistantsApiException>(() => wire.Client.Runs.CancelIfActiveAsync("thread_1", "run_1"));
    }
}
