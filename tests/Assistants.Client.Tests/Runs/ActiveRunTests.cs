using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Assistants.Client.Tests;

[TestFixture]
public sealed class ActiveRunTests
{
    private const string Busy = """{"error":{"message":"Can't add messages to thread_1 while a run run_1 is active.","type":"invalid_request_error","param":null,"code":null}}""";
    private const string MessageJson = """{"id":"msg_1","object":"thread.message","created_at":1767225600,"thread_id":"thread_1","role":"user","content":[{"type":"text","text":{"value":"hi","annotations":[]}}],"attachments":[],"metadata":{}}""";

    [Test]
    public void CreateMessage_OnBusyThread_RaisesActiveRunExceptionWithIds()
    {
        using Wire wire = RetryTests.NewWire(new TimerRecordingTimeProvider());
        wire.Expect(HttpMethod.Post, "threads/thread_1/messages", Busy, HttpStatusCode.BadRequest);

        ActiveRunException error = Assert.ThrowsAsync<ActiveRunException>(() => wire.Client.Messages.CreateAsync("thread_1", MessageRole.User, "hi"))!;

        Assert.That(error.ThreadId, Is.EqualTo("thread_1"));
        Assert.That(error.RunId, Is.EqualTo("run_1"));
        Assert.That(wire.Requests, Has.Count.EqualTo(1), "not retried");
    }

    [Test]
    public async Task CreateWhenIdleAsync_Wait_WaitsForTheRunThenAdds()
    {
        TimerRecordingTimeProvider time = new();
        using Wire wire = RetryTests.NewWire(time);
        wire.Expect(HttpMethod.Post, "threads/thread_1/messages", Busy, HttpStatusCode.BadRequest);
        wire.Expect(HttpMethod.Get, "threads/thread_1/runs/run_1", RunJson.Run("in_progress"));
        wire.Expect(HttpMethod.Get, "threads/thread_1/runs/run_1", RunJson.Failed("failed", "server_error", "x"));
        wire.Expect(HttpMethod.Post, "threads/thread_1/messages", MessageJson);

        Task<ThreadMessage> call = wire.Client.Messages.CreateWhenIdleAsync("thread_1", MessageRole.User, "hi", ActiveRunHandling.Wait);
        await time.DriveAsync(call);

        Assert.That(call.Result.Id, Is.EqualTo("msg_1"));
        wire.Mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task CreateWhenIdleAsync_Cancel_CancelsTheRunThenAdds()
    {
        TimerRecordingTimeProvider time = new();
        using Wire wire = RetryTests.NewWire(time);
        wire.Expect(HttpMethod.Post, "threads/thread_1/messages", Busy, HttpStatusCode.BadRequest);
        wire.Expect(HttpMethod.Post, "threads/thread_1/runs/run_1/cancel", RunJson.Run("cancelling"));
        wire.Expect(HttpMethod.Get, "threads/thread_1/runs/run_1", RunJson.Run("cancelled"));
        wire.Expect(HttpMethod.Post, "threads/thread_1/messages", MessageJson);

        Task<ThreadMessage> call = wire.Client.Messages.CreateWhenIdleAsync("thread_1", MessageRole.User, "hi", ActiveRunHandling.Cancel);
        await time.DriveAsync(call);

        Assert.That(call.Result.Id, Is.EqualTo("msg_1"));
        wire.Mock.VerifyNoOutstandingExpectation();
    }
}
