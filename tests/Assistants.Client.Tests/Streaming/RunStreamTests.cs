using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using RichardSzalay.MockHttp;
using static Assistants.Client.Tests.Streaming.StreamTestHelpers;

namespace Assistants.Client.Tests.Streaming;

[TestFixture]
public sealed class RunStreamTests
{
    private const string RunsUrl = Wire.BaseUrl + "threads/thread_1/runs";

    private static ChunkedStream RespondWithStream(Wire wire, HttpMethod method, string url, string sse)
    {
        ChunkedStream body = ChunkedStream.ByLine(Encoding.UTF8.GetBytes(sse));
        wire.Mock.Expect(method, url).Respond(_ =>
        {
            StreamContent content = new(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/event-stream");
            HttpResponseMessage response = new(HttpStatusCode.OK) { Content = content };
            response.Headers.Add("x-request-id", "req_stream");
            return response;
        });
        return body;
    }

    private static string LongRun() => Event("thread.run.created", Run("queued")) + Event("thread.run.in_progress", Run("in_progress"))
        + string.Concat(Enumerable.Range(0, 20).Select(i => Event("thread.message.delta", TextDelta("w" + i))))
        + Event("thread.run.completed", Run("completed")) + Event("done", "[DONE]");

    [Test]
    public async Task CreateStreamingAsync_SendsStreamTrueAndAcceptsEventStream_YieldsTypedEvents()
    {
        using Wire wire = new();
        RespondWithStream(wire, HttpMethod.Post, RunsUrl, LongRun());

        await using RunStream stream = await wire.Client.Runs.CreateStreamingAsync("thread_1", "asst_1");
        List<StreamingUpdate> updates = await stream.ToListAsync();

        CapturedRequest request = wire.Single;
        JsonAssert.AreEquivalent("""{"assistant_id":"asst_1","stream":true}""", request.Body!);
        Assert.Multiple(() =>
        {
            Assert.That(request.Uri, Is.EqualTo(RunsUrl));
            Assert.That(request.Headers["Accept"], Is.EqualTo("text/event-stream"));
            Assert.That(stream.Response!.RequestId, Is.EqualTo("req_stream"));
            Assert.That(updates, Has.Count.EqualTo(23));
            Assert.That(string.Concat(updates.OfType<MessageDeltaUpdate>().Select(d => d.Text)), Is.EqualTo(string.Concat(Enumerable.Range(0, 20).Select(i => "w" + i))));
            Assert.That(stream.LatestRun!.Status, Is.EqualTo(RunStatus.Completed));
            Assert.That(stream.RunId, Is.EqualTo("run_1"));
            Assert.That(stream.CancelledOnAbandon, Is.False);
        });
    }

    [Test]
    public async Task CreateThreadAndRunStreamingAsync_PostsToThreadsRuns()
    {
        using Wire wire = new();
        RespondWithStream(wire, HttpMethod.Post, Wire.BaseUrl + "threads/runs", Event("thread.created", """{"id":"thread_1","object":"thread","created_at":1,"metadata":{}}""") + Event("thread.run.completed", Run("completed")) + Event("done", "[DONE]"));

        await using RunStream stream = await wire.Client.Runs.CreateThreadAndRunStreamingAsync("asst_1");
        List<StreamingUpdate> updates = await stream.ToListAsync();

        JsonAssert.AreEquivalent("""{"assistant_id":"asst_1","stream":true}""", wire.Single.Body!);
        Assert.That(((ThreadCreatedUpdate)updates[0]).Thread.Id, Is.EqualTo("thread_1"));
    }

    [Test]
    public async Task SubmitToolOutputsStreamingAsync_SendsOutputsWithStreamTrue()
    {
        using Wire wire = new();
        RespondWithStream(wire, HttpMethod.Post, RunsUrl + "/run_1/submit_tool_outputs", Event("thread.run.queued", Run("queued")) + Event("thread.run.completed", Run("completed")) + Event("done", "[DONE]"));

        await using RunStream stream = await wire.Client.Runs.SubmitToolOutputsStreamingAsync("thread_1", "run_1", new[] { new ToolOutput("call_1", "42") });
        List<StreamingUpdate> updates = await stream.ToListAsync();

        JsonAssert.AreEquivalent("""{"tool_outputs":[{"tool_call_id":"call_1","output":"42"}],"stream":true}""", wire.Single.Body!);
        Assert.That(updates.Last().EventType, Is.EqualTo(StreamingEventType.RunCompleted));
    }

    [Test]
    public void CreateStreamingAsync_ErrorStatus_ThrowsBeforeAnyEvent()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Post, "threads/thread_1/runs", """{"error":{"message":"Thread thread_1 already has an active run run_9.","type":"invalid_request_error","param":null,"code":null}}""", HttpStatusCode.BadRequest);

        Assert.ThrowsAsync<ActiveRunException>(() => wire.Client.Runs.CreateStreamingAsync("thread_1", "asst_1"));
    }

    [Test]
    public void CreateStreamingAsync_EmptyThreadId_ThrowsArgumentExceptionAndSendsNothing()
    {
        using Wire wire = new();

        ArgumentException ex = Assert.ThrowsAsync<ArgumentException>(() => wire.Client.Runs.CreateStreamingAsync("", "asst_1"))!;

        Assert.That(ex.ParamName, Is.EqualTo("threadId"));
        Assert.That(wire.Requests, Is.Empty);
    }

    [Test]
    public async Task BreakingOutEarly_DisposesTheResponseAndCancelsTheRun()
    {
        using Wire wire = new();
        ChunkedStream body = RespondWithStream(wire, HttpMethod.Post, RunsUrl, LongRun());
        wire.Expect(HttpMethod.Post, "threads/thread_1/runs/run_1/cancel", Run("cancelling"));

        RunStream stream = await wire.Client.Runs.CreateStreamingAsync("thread_1", "asst_1");
        await foreach (StreamingUpdate update in stream)
        {
            if (update is MessageDeltaUpdate)
            {
                break;
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(body.Disposed, Is.True, "response body disposed");
            Assert.That(wire.Requests.Select(r => r.Method + " " + r.Uri), Is.EqualTo(new[] { "POST " + RunsUrl, "POST " + RunsUrl + "/run_1/cancel" }));
            Assert.That(stream.CancelledOnAbandon, Is.True);
            Assert.That(stream.LatestRun!.Status, Is.EqualTo(RunStatus.Cancelling));
        });
        await stream.DisposeAsync();
        Assert.That(wire.Requests, Has.Count.EqualTo(2), "disposing again sends nothing more");
    }

    [Test]
    public async Task BreakingOutEarly_WithCancelRunOnAbandonOff_LeavesTheRunGoing()
    {
        using Wire wire = new();
        ChunkedStream body = RespondWithStream(wire, HttpMethod.Post, RunsUrl, LongRun());

        RunStream stream = await wire.Client.Runs.CreateStreamingAsync("thread_1", "asst_1");
        stream.CancelRunOnAbandon = false;
        await foreach (StreamingUpdate update in stream)
        {
            break;
        }

        Assert.That(body.Disposed, Is.True);
        Assert.That(wire.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task CancelledConsumer_ThrowsOperationCanceledAndCancelsTheRunOnTheServer()
    {
        using Wire wire = new();
        ChunkedStream body = RespondWithStream(wire, HttpMethod.Post, RunsUrl, LongRun());
        wire.Expect(HttpMethod.Post, "threads/thread_1/runs/run_1/cancel", Run("cancelling"));
        using CancellationTokenSource cts = new();

        RunStream stream = await wire.Client.Runs.CreateStreamingAsync("thread_1", "asst_1", cancellationToken: cts.Token);
        Assert.CatchAsync<OperationCanceledException>(async () =>
        {
            await foreach (StreamingUpdate update in stream.WithCancellation(cts.Token))
            {
                if (update is MessageDeltaUpdate)
                {
                    cts.Cancel();
                }
            }
        });

        Assert.That(body.Disposed, Is.True);
        Assert.That(stream.CancelledOnAbandon, Is.True);
        Assert.That(wire.Requests.Last().Uri, Is.EqualTo(RunsUrl + "/run_1/cancel"));
    }

    [Test]
    public async Task RunReachingRequiresAction_IsNotCancelledWhenTheConsumerStops()
    {
        using Wire wire = new();
        RespondWithStream(wire, HttpMethod.Post, RunsUrl, Event("thread.run.created", Run("queued")) + Event("thread.run.requires_action", Run("requires_action")) + Event("done", "[DONE]"));

        RunStream stream = await wire.Client.Runs.CreateStreamingAsync("thread_1", "asst_1");
        await foreach (StreamingUpdate update in stream)
        {
            if (update.EventType == StreamingEventType.RunRequiresAction)
            {
                break;
            }
        }

        Assert.That(wire.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ErrorEvent_DoesNotCountAsAbandonment()
    {
        using Wire wire = new();
        RespondWithStream(wire, HttpMethod.Post, RunsUrl, Event("thread.run.created", Run("queued")) + Event("error", """{"message":"boom","type":"server_error","param":null,"code":"server_error"}"""));

        RunStream stream = await wire.Client.Runs.CreateStreamingAsync("thread_1", "asst_1");

        Assert.ThrowsAsync<AssistantsApiException>(async () => await stream.ToListAsync());
        Assert.That(wire.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task StreamEndingWithoutFinalRunEvent_FetchesTheRunAndReportsItsRealState()
    {
        using Wire wire = new();
        RespondWithStream(wire, HttpMethod.Post, RunsUrl, Event("thread.run.created", Run("queued")) + Event("thread.run.in_progress", Run("in_progress")) + Event("thread.message.delta", TextDelta("Hi")));
        wire.Expect(HttpMethod.Get, "threads/thread_1/runs/run_1", Run("failed"));

        await using RunStream stream = await wire.Client.Runs.CreateStreamingAsync("thread_1", "asst_1");
        List<StreamingUpdate> updates = await stream.ToListAsync();

        RunUpdate last = (RunUpdate)updates.Last();
        Assert.Multiple(() =>
        {
            Assert.That(last.IsRetrieved, Is.True);
            Assert.That(last.EventType, Is.EqualTo(StreamingEventType.RunFailed));
            Assert.That(stream.LatestRun!.Status, Is.EqualTo(RunStatus.Failed));
            Assert.That(wire.Requests.Last().Method, Is.EqualTo(HttpMethod.Get));
        });
    }

    [Test]
    public async Task Stream_CanBeEnumeratedOnlyOnce()
    {
        await using RunStream stream = FromText(Event("done", "[DONE]"));
        await stream.ToListAsync();

        Assert.Throws<ObjectDisposedException>(() => stream.GetAsyncEnumerator());
    }
}
