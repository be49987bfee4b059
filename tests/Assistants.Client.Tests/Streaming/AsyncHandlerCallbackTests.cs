using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using RichardSzalay.MockHttp;
using static Assistants.Client.Tests.Streaming.StreamTestHelpers;

namespace Assistants.Client.Tests.Streaming;

/// <summary>The asynchronous callbacks of AssistantEventHandler: order, the token, a failing callback, and the idle timeout.</summary>
[TestFixture]
public sealed class AsyncHandlerCallbackTests
{
    private static readonly string s_body =
        Event("thread.run.created", Run("queued"))
        + Event("thread.run.in_progress", Run("in_progress"))
        + Event("thread.message.created", """{"id":"msg_1","object":"thread.message","role":"assistant","status":"in_progress","content":[]}""")
        + Event("thread.message.delta", TextDelta("Hel"))
        + Event("thread.message.delta", TextDelta("lo"))
        + Event("thread.message.completed", """{"id":"msg_1","object":"thread.message","role":"assistant","status":"completed","content":[{"type":"text","text":{"value":"Hello","annotations":[]}}]}""")
        + Event("thread.run.completed", Run("completed"))
        + Event("done", "[DONE]");

    /// <summary>Writes down the callbacks through their synchronous forms.</summary>
    private class SyncHandler : AssistantEventHandler
    {
        public List<string> Calls { get; } = new();

        protected override void OnEvent(StreamingUpdate update) => Calls.Add("event " + update.EventType);

        protected override void OnRunStatusChanged(ThreadRun run) => Calls.Add("run " + run.Status);

        protected override void OnMessageCreated(ThreadMessage message) => Calls.Add("message created");

        protected override void OnTextCreated(int contentIndex) => Calls.Add("text created " + contentIndex);

        protected override void OnTextDelta(string text, int contentIndex) => Calls.Add("text " + text);

        protected override void OnTextDone(MessageText text, int contentIndex) => Calls.Add("text done " + text.Value);

        protected override void OnMessageDone(ThreadMessage message) => Calls.Add("message done");

        protected override void OnEnd(ThreadRun? run) => Calls.Add("end " + run?.Status);
    }

    /// <summary>The same through the asynchronous forms, each of which really yields before it writes.</summary>
    private sealed class AsyncHandler : AssistantEventHandler
    {
        public List<string> Calls { get; } = new();

        public List<CancellationToken> Tokens { get; } = new();

        protected override async ValueTask OnEventAsync(StreamingUpdate update, CancellationToken cancellationToken) => await Add("event " + update.EventType, cancellationToken);

        protected override async ValueTask OnRunStatusChangedAsync(ThreadRun run, CancellationToken cancellationToken) => await Add("run " + run.Status, cancellationToken);

        protected override async ValueTask OnMessageCreatedAsync(ThreadMessage message, CancellationToken cancellationToken) => await Add("message created", cancellationToken);

        protected override async ValueTask OnTextCreatedAsync(int contentIndex, CancellationToken cancellationToken) => await Add("text created " + contentIndex, cancellationToken);

        protected override async ValueTask OnTextDeltaAsync(string text, int contentIndex, CancellationToken cancellationToken) => await Add("text " + text, cancellationToken);

        protected override async ValueTask OnTextDoneAsync(MessageText text, int contentIndex, CancellationToken cancellationToken) => await Add("text done " + text.Value, cancellationToken);

        protected override async ValueTask OnMessageDoneAsync(ThreadMessage message, CancellationToken cancellationToken) => await Add("message done", cancellationToken);

        protected override async ValueTask OnEndAsync(ThreadRun? run, CancellationToken cancellationToken) => await Add("end " + run?.Status, cancellationToken);

        private async Task Add(string call, CancellationToken cancellationToken)
        {
            Tokens.Add(cancellationToken);
            await Task.Yield();
            Calls.Add(call);
        }
    }

    /// <summary>Overrides both forms of the text callback; the async one calls base only when told to.</summary>
    private sealed class BothFormsHandler : SyncHandler
    {
        public bool CallBase { get; init; }

        protected override async ValueTask OnTextDeltaAsync(string text, int contentIndex, CancellationToken cancellationToken)
        {
            await Task.Yield();
            Calls.Add("async text " + text);
            if (CallBase)
            {
                await base.OnTextDeltaAsync(text, contentIndex, cancellationToken);
            }
        }
    }

    private static Wire StreamingWire(ScriptedStream body, Action<AssistantsClientOptions>? configure = null)
    {
        Wire wire = new(configure);
        wire.Mock.Expect(HttpMethod.Post, Wire.BaseUrl + "threads/thread_1/runs").Respond(_ =>
        {
            StreamContent content = new(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/event-stream");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        });
        return wire;
    }

    [Test]
    public async Task AsyncCallbacks_AreAwaitedInTheOrderOfTheSyncOnes_WithTheCallersToken()
    {
        SyncHandler sync = new();
        await sync.ConsumeAsync(FromText(s_body));
        AsyncHandler handler = new();
        using CancellationTokenSource cts = new();
        await handler.ConsumeAsync(FromText(s_body), cts.Token);

        Assert.Multiple(() =>
        {
            Assert.That(handler.Calls, Is.EqualTo(sync.Calls));
            Assert.That(handler.Calls, Has.Count.EqualTo(17));
            Assert.That(handler.Tokens, Is.All.EqualTo(cts.Token));
            Assert.That(handler.FinalMessages, Has.Count.EqualTo(1));
        });
    }

    [TestCase(false, new[] { "async text Hel", "async text lo" })]
    [TestCase(true, new[] { "async text Hel", "text Hel", "async text lo", "text lo" })]
    public async Task BothFormsOverridden_TheAsyncOneRuns_TheSyncOneOnlyThroughBase(bool callBase, string[] expected)
    {
        BothFormsHandler handler = new() { CallBase = callBase };
        await handler.ConsumeAsync(FromText(s_body));
        Assert.That(handler.Calls.FindAll(c => c.StartsWith("async text ", StringComparison.Ordinal) || c is "text Hel" or "text lo"), Is.EqualTo(expected));
    }

    private sealed class BlockingHandler : AssistantEventHandler
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Exception? Error { get; private set; }

        public Exception? Throw { get; init; }

        public TaskCompletionSource? Release { get; init; }

        protected override async ValueTask OnTextDeltaAsync(string text, int contentIndex, CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            if (Throw is not null)
            {
                throw Throw;
            }

            if (Release is not null)
            {
                await Release.Task.WaitAsync(cancellationToken);
                return;
            }

            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        protected override void OnError(Exception exception) => Error = exception;
    }

    [Test]
    public async Task CancellingTheToken_EndsAnAwaitingCallback_AndTheRunIsCancelledAsAbandoned()
    {
        ScriptedStream body = new();
        using Wire wire = StreamingWire(body);
        wire.Mock.Expect(HttpMethod.Post, Wire.BaseUrl + "threads/thread_1/runs/run_1/cancel").Respond("application/json", Run("cancelling"));
        body.Send(Event("thread.run.created", Run("queued")) + Event("thread.message.delta", TextDelta("Hi")));
        BlockingHandler handler = new();
        using CancellationTokenSource cts = new();
        RunStream stream = await wire.Client.Runs.CreateStreamingAsync("thread_1", "asst_1");
        Task consuming = handler.ConsumeAsync(stream, cts.Token);
        await handler.Entered.Task;
        Assert.That(consuming.IsCompleted, Is.False, "the consumption awaits the callback");

        cts.Cancel();

        Assert.CatchAsync<OperationCanceledException>(() => consuming);
        Assert.Multiple(() =>
        {
            Assert.That(handler.Error, Is.InstanceOf<OperationCanceledException>());
            Assert.That(body.Disposed, Is.True);
            Assert.That(stream.CancelledOnAbandon, Is.True);
        });
        wire.Mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task ACallbackThatThrows_SurfacesToTheCaller_AndTheRunIsCancelledAsAbandoned()
    {
        ScriptedStream body = new();
        using Wire wire = StreamingWire(body);
        wire.Mock.Expect(HttpMethod.Post, Wire.BaseUrl + "threads/thread_1/runs/run_1/cancel").Respond("application/json", Run("cancelling"));
        body.Send(Event("thread.run.created", Run("queued")) + Event("thread.message.delta", TextDelta("Hi")));
        InvalidOperationException thrown = new("The hub is gone.");
        BlockingHandler handler = new() { Throw = thrown };
        RunStream stream = await wire.Client.Runs.CreateStreamingAsync("thread_1", "asst_1");

        InvalidOperationException error = Assert.ThrowsAsync<InvalidOperationException>(() => handler.ConsumeAsync(stream))!;
        Assert.Multiple(() =>
        {
            Assert.That(error, Is.SameAs(thrown));
            Assert.That(handler.Error, Is.SameAs(thrown));
            Assert.That(body.Disposed, Is.True);
            Assert.That(stream.CancelledOnAbandon, Is.True);
            Assert.That(handler.RecoveredStreams, Is.EqualTo(0), "the caller's failure is not a broken stream");
        });
        wire.Mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task ACallbackAwaitingLongerThanTheIdleTimeout_DoesNotTripIt()
    {
        TimeSpan limit = TimeSpan.FromSeconds(10);
        TimerRecordingTimeProvider time = new();
        ScriptedStream body = new();
        using Wire wire = StreamingWire(body, o =>
        {
            o.TimeProvider = time;
            o.Timeouts.StreamIdle = limit;
        });
        body.Send(Event("thread.run.created", Run("queued")) + Event("thread.message.delta", TextDelta("Hi")));
        TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        BlockingHandler handler = new() { Release = release };
        RunStream stream = await wire.Client.Runs.CreateStreamingAsync("thread_1", "asst_1");
        Task consuming = handler.ConsumeAsync(stream);
        await handler.Entered.Task;

        time.Advance(limit * 6);
        Assert.That(consuming.IsCompleted, Is.False, "a minute in the callback is not server silence");
        release.SetResult();
        body.Send(Event("thread.run.completed", Run("completed")) + Event("done", "[DONE]"));
        body.End();

        await consuming;
        Assert.That(handler.FinalRun!.Status, Is.EqualTo(RunStatus.Completed));
    }
}
