using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using RichardSzalay.MockHttp;
using static Assistants.Client.Tests.Streaming.StreamTestHelpers;

namespace Assistants.Client.Tests.Streaming;

/// <summary>Timeouts.StreamIdle on a real run stream: a silent server is given up, a slow one is not, a reset connection is reported.</summary>
[TestFixture]
public sealed class StreamIdleTimeoutTests
{
    private static readonly TimeSpan s_limit = TimeSpan.FromSeconds(10);

    private static Wire NewWire(TimerRecordingTimeProvider time, ScriptedStream body)
    {
        Wire wire = new(o =>
        {
            o.TimeProvider = time;
            o.Timeouts.StreamIdle = s_limit;
        });
        wire.Mock.Expect(HttpMethod.Post, Wire.BaseUrl + "threads/thread_1/runs").Respond(_ =>
        {
            StreamContent content = new(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/event-stream");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        });
        return wire;
    }

    private static async Task<RunStream> StartAsync(Wire wire)
    {
        RunStream stream = await wire.Client.Runs.CreateStreamingAsync("thread_1", "asst_1");
        stream.CancelRunOnAbandon = false;
        return stream;
    }

    [Test]
    public async Task SilentAfterTwoEvents_RaisesStreamIdleTimeout_AfterDeliveringThem()
    {
        TimerRecordingTimeProvider time = new();
        ScriptedStream body = new();
        using Wire wire = NewWire(time, body);
        body.Send(Event("thread.run.created", Run("queued")) + Event("thread.run.in_progress", Run("in_progress")));
        await using RunStream stream = await StartAsync(wire);
        await using IAsyncEnumerator<StreamingUpdate> events = stream.GetAsyncEnumerator();

        List<string> delivered = new();
        Assert.That(await events.MoveNextAsync(), Is.True);
        delivered.Add(Describe(events.Current));
        Assert.That(await events.MoveNextAsync(), Is.True);
        delivered.Add(Describe(events.Current));
        await time.NextTimerAsync(d => d == s_limit);
        ValueTask<bool> third = events.MoveNextAsync();

        time.Advance(s_limit - TimeSpan.FromMilliseconds(1));
        Assert.That(third.IsCompleted, Is.False, "not silent for the full limit yet");
        time.Advance(TimeSpan.FromMilliseconds(1));

        AssistantsTimeoutException error = Assert.ThrowsAsync<AssistantsTimeoutException>(async () => await third)!;
        Assert.Multiple(() =>
        {
            Assert.That(delivered, Is.EqualTo(new[] { "thread.run.created run_1 queued", "thread.run.in_progress run_1 in_progress" }));
            Assert.That(error.Kind, Is.EqualTo(AssistantsTimeoutKind.StreamIdle));
            Assert.That(error.Timeout, Is.EqualTo(s_limit));
            Assert.That(error.Message, Does.Contain("Timeouts.StreamIdle"));
            Assert.That(stream.LatestRun!.Status, Is.EqualTo(RunStatus.InProgress));
            Assert.That(body.Disposed, Is.True, "the response is released");
        });
    }

    [Test]
    public async Task SlowButHealthyStream_EventsJustUnderTheLimit_IsNotCut()
    {
        TimerRecordingTimeProvider time = new();
        ScriptedStream body = new();
        using Wire wire = NewWire(time, body);
        body.Send(Event("thread.run.created", Run("queued")));
        await using RunStream stream = await StartAsync(wire);
        await using IAsyncEnumerator<StreamingUpdate> events = stream.GetAsyncEnumerator();
        Assert.That(await events.MoveNextAsync(), Is.True);
        await time.NextTimerAsync(d => d == s_limit);

        List<string> texts = new();
        for (int i = 0; i < 6; i++)
        {
            ValueTask<bool> next = events.MoveNextAsync();
            time.Advance(s_limit - TimeSpan.FromMilliseconds(1));
            Assert.That(next.IsCompleted, Is.False);
            body.Send(Event("thread.message.delta", TextDelta("w" + i)));
            Assert.That(await next, Is.True);
            texts.Add(((MessageDeltaUpdate)events.Current).Text!);
        }

        // A keep-alive comment is not an event, but it shows the connection is alive.
        ValueTask<bool> afterComment = events.MoveNextAsync();
        time.Advance(s_limit - TimeSpan.FromMilliseconds(1));
        await body.SendAndWaitUntilReadAsync(": keep-alive\n\n");
        time.Advance(s_limit - TimeSpan.FromMilliseconds(1));
        body.Send(Event("thread.run.completed", Run("completed")) + Event("done", "[DONE]"));
        Assert.That(await afterComment, Is.True);
        Assert.That(events.Current, Is.InstanceOf<RunUpdate>());
        Assert.That(await events.MoveNextAsync(), Is.False);

        Assert.That(texts, Is.EqualTo(Enumerable.Range(0, 6).Select(i => "w" + i)));
        Assert.That(stream.LatestRun!.Status, Is.EqualTo(RunStatus.Completed));
    }

    [Test]
    public async Task ConsumerTakingLongerThanTheLimit_DoesNotCountAsSilence()
    {
        TimerRecordingTimeProvider time = new();
        ScriptedStream body = new();
        using Wire wire = NewWire(time, body);
        body.Send(Event("thread.run.created", Run("queued")) + Event("thread.run.completed", Run("completed")) + Event("done", "[DONE]"));
        await using RunStream stream = await StartAsync(wire);
        await using IAsyncEnumerator<StreamingUpdate> events = stream.GetAsyncEnumerator();
        Assert.That(await events.MoveNextAsync(), Is.True);

        time.Advance(s_limit * 3);

        Assert.That(await events.MoveNextAsync(), Is.True);
        Assert.That(((RunUpdate)events.Current).Status, Is.EqualTo(RunStatus.Completed));
        Assert.That(await events.MoveNextAsync(), Is.False);
    }

    [Test]
    public async Task ConnectionResetMidStream_RaisesStreamEndedEarly_AndHandlerSnapshotsStayReadable()
    {
        TimerRecordingTimeProvider time = new();
        ScriptedStream body = new();
        using Wire wire = NewWire(time, body);
        body.Send(Event("thread.run.created", Run("queued")) + Event("thread.run.in_progress", Run("in_progress"))
            + Event("thread.message.delta", TextDelta("Hello")) + Event("thread.message.delta", TextDelta(" wor")));
        body.Fail(new IOException("Connection reset by peer"));
        RecordingHandler handler = new();
        RunStream stream = await StartAsync(wire);
        stream.RecoverOnBreak = false; // the break itself, as a handler sees it without recovery (see Recovery/StreamRecoveryTests)

        StreamEndedEarlyException error = Assert.ThrowsAsync<StreamEndedEarlyException>(() => handler.ConsumeAsync(stream))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.Contain("connection broke").And.Contain("Connection reset by peer"));
            Assert.That(error.InnerException, Is.InstanceOf<IOException>());
            Assert.That(handler.Calls.Last(), Is.EqualTo("error StreamEndedEarlyException"));
            Assert.That(RecordingHandler.Text(handler.CurrentMessageSnapshot), Is.EqualTo("Hello wor"));
            Assert.That(handler.CurrentRun!.Status, Is.EqualTo(RunStatus.InProgress));
            Assert.That(body.Disposed, Is.True);
            Assert.That(wire.Requests, Has.Count.EqualTo(1), "no cancel request: the stream failed on its own");
        });
    }

    [Test]
    public async Task CallerCancelsDuringSilence_IsOperationCanceled_NotTheTimeout()
    {
        TimerRecordingTimeProvider time = new();
        ScriptedStream body = new();
        using Wire wire = NewWire(time, body);
        body.Send(Event("thread.run.created", Run("queued")));
        using CancellationTokenSource cts = new();
        await using RunStream stream = await StartAsync(wire);
        await using IAsyncEnumerator<StreamingUpdate> events = stream.GetAsyncEnumerator(cts.Token);
        Assert.That(await events.MoveNextAsync(), Is.True);
        ValueTask<bool> next = events.MoveNextAsync();
        time.Advance(s_limit - TimeSpan.FromSeconds(1));

        cts.Cancel();

        OperationCanceledException error = Assert.CatchAsync<OperationCanceledException>(async () => await next)!;
        Assert.That(error.CancellationToken.IsCancellationRequested, Is.True);
        time.Advance(s_limit);
        Assert.That(body.Disposed, Is.True);
    }

    [Test]
    public async Task InfiniteLimit_StartsNoTimer()
    {
        TimerRecordingTimeProvider time = new();
        ScriptedStream body = new();
        using Wire wire = new(o =>
        {
            o.TimeProvider = time;
            o.Timeouts.StreamIdle = Timeout.InfiniteTimeSpan;
        });
        wire.Mock.Expect(HttpMethod.Post, Wire.BaseUrl + "threads/thread_1/runs").Respond(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(body) });
        body.Send(Event("thread.run.completed", Run("completed")) + Event("done", "[DONE]"));

        await using RunStream stream = await wire.Client.Runs.CreateStreamingAsync("thread_1", "asst_1");
        List<StreamingUpdate> updates = await stream.ToListAsync();

        Assert.That(updates, Has.Count.EqualTo(1));
        Assert.That(time.Started, Does.Not.Contain(Timeout.InfiniteTimeSpan));
    }
}
