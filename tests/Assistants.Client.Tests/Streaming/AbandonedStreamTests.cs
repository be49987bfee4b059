using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Client.Tests.Loopback;
using Microsoft.AspNetCore.Http;
using NUnit.Framework;
using static Assistants.Client.Tests.Streaming.StreamTestHelpers;

namespace Assistants.Client.Tests.Streaming;

/// <summary>
/// RunStream.CancelRunOnAbandon over real sockets: an abandoned stream (disposed, or its caller's token cancelled)
/// cancels its run even before any event named it; a stream broken by the network cancels nothing.
/// The cancel requests are counted on the server.
/// </summary>
[TestFixture]
public sealed class AbandonedStreamTests
{
    private const string Key = "sk-loopback-0123456789";
    private static readonly TimeSpan s_abandonLimit = TimeSpan.FromSeconds(7);

    /// <summary>A server whose run stream sends its headers, then an event per <see cref="Emit"/> call; cancels answer "cancelling".</summary>
    private sealed class RunServer : IAsyncDisposable
    {
        private readonly SemaphoreSlim _emit = new(0);
        private readonly Queue<(string Name, string Data)> _events = new();

        private RunServer()
        {
        }

        public LoopbackServer Server { get; private set; } = null!;

        public static async Task<RunServer> StartAsync()
        {
            RunServer runServer = new();
            runServer.Server = await LoopbackServer.StartAsync(runServer.HandleAsync);
            return runServer;
        }

        public void Emit(string name, string data)
        {
            lock (_events)
            {
                _events.Enqueue((name, data));
            }

            _emit.Release();
        }

        public int Cancels(string path = "/threads/thread_1/runs/run_1/cancel") => Server.Count("POST", path);

        public async ValueTask DisposeAsync()
        {
            await Server.DisposeAsync();
            _emit.Dispose();
        }

        private async Task HandleAsync(HttpContext context)
        {
            string path = context.Request.Path.Value!;
            if (path.EndsWith("/cancel", StringComparison.Ordinal))
            {
                await Faults.JsonAsync(context, 200, Run("cancelling", path.Split('/')[^2]));
                return;
            }

            await Faults.DrainBodyAsync(context);
            await Faults.StartEventStreamAsync(context);
            using CancellationTokenSource linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, Server.Stopping);
            try
            {
                while (true)
                {
                    await _emit.WaitAsync(linked.Token);
                    (string name, string data) = Dequeue();
                    if (name == "reset")
                    {
                        Faults.Reset(context);
                        return;
                    }

                    await Faults.EventAsync(context, name, data);
                }
            }
            catch (OperationCanceledException)
            {
                // The client went away or the test ended.
            }
        }

        private (string Name, string Data) Dequeue()
        {
            lock (_events)
            {
                return _events.Dequeue();
            }
        }
    }

    private static AssistantsApiClient NewClient(LoopbackServer server, Action<AssistantsClientOptions>? configure = null)
    {
        AssistantsClientOptions options = new() { BaseUrl = server.BaseUrl, ApiKey = Key };
        configure?.Invoke(options);
        return new AssistantsApiClient(options);
    }

    [Test]
    public async Task DisposeAsync_BeforeTheFirstEvent_ReadsAheadForTheRunIdAndCancelsIt()
    {
        await using RunServer runs = await RunServer.StartAsync();
        using AssistantsApiClient client = NewClient(runs.Server);
        RunStream stream = await client.Runs.CreateStreamingAsync("thread_1", "asst_1");

        Task disposal = stream.DisposeAsync().AsTask();
        Assert.That(disposal.IsCompleted, Is.False, "disposal waits for an event naming the run");
        runs.Emit("thread.run.created", Run("queued"));
        await disposal;

        Assert.Multiple(() =>
        {
            Assert.That(runs.Cancels(), Is.EqualTo(1), "the server saw one cancel of run_1");
            Assert.That(stream.RunId, Is.EqualTo("run_1"));
            Assert.That(stream.CancelledOnAbandon, Is.True);
            Assert.That(stream.LatestRun!.Status, Is.EqualTo(RunStatus.Cancelling));
        });
    }

    [Test]
    public async Task DisposeAsync_ServerSendsNoEventWithinTheLimit_ReturnsAfterTheLimitAndLogsWithoutThrowing()
    {
        TimerRecordingTimeProvider time = new();
        using CapturingLoggerProvider logs = new();
        await using RunServer runs = await RunServer.StartAsync();
        using AssistantsApiClient client = NewClient(runs.Server, o =>
        {
            o.TimeProvider = time;
            o.Timeouts.AbandonedRunCancel = s_abandonLimit;
            o.LoggerFactory = logs.CreateFactory();
        });
        RunStream stream = await client.Runs.CreateStreamingAsync("thread_1", "asst_1");

        Task disposal = stream.DisposeAsync().AsTask();
        await time.NextTimerAsync(d => d == s_abandonLimit);
        time.Advance(s_abandonLimit - TimeSpan.FromMilliseconds(1));
        Assert.That(disposal.IsCompleted, Is.False, "still within the limit");
        time.Advance(TimeSpan.FromMilliseconds(1));
        await disposal.WaitAsync(TimeSpan.FromSeconds(20));

        LogLine? warning = logs.Lines.SingleOrDefault(l => l.EventName == "AbandonedRunNotCancelled");
        Assert.Multiple(() =>
        {
            Assert.That(runs.Cancels("/cancel"), Is.Zero);
            Assert.That(stream.CancelledOnAbandon, Is.False);
            Assert.That(stream.RunId, Is.Null);
            Assert.That(warning?.Message, Does.Contain("Timeouts.AbandonedRunCancel"));
        });
    }

    [Test]
    public async Task CallerCancelsBeforeTheFirstEvent_TheRunIsStillLearnedAndCancelled()
    {
        await using RunServer runs = await RunServer.StartAsync();
        using AssistantsApiClient client = NewClient(runs.Server);
        using CancellationTokenSource cts = new();
        RunStream stream = await client.Runs.CreateStreamingAsync("thread_1", "asst_1", cancellationToken: cts.Token);
        IAsyncEnumerator<StreamingUpdate> events = stream.GetAsyncEnumerator(cts.Token);

        Task<bool> first = events.MoveNextAsync().AsTask();
        cts.Cancel();
        Assert.That(first.IsCompleted, Is.False, "the abandon cancel waits for the event that names the run");
        runs.Emit("thread.run.created", Run("queued"));

        Assert.CatchAsync<OperationCanceledException>(async () => await first);
        await events.DisposeAsync();
        Assert.That(runs.Cancels(), Is.EqualTo(1));
        Assert.That(stream.CancelledOnAbandon, Is.True);
    }

    [Test]
    public async Task CallerCancelsMidStream_CancelsTheRun()
    {
        await using RunServer runs = await RunServer.StartAsync();
        using AssistantsApiClient client = NewClient(runs.Server);
        using CancellationTokenSource cts = new();
        RunStream stream = await client.Runs.CreateStreamingAsync("thread_1", "asst_1", cancellationToken: cts.Token);
        runs.Emit("thread.run.created", Run("queued"));
        runs.Emit("thread.message.delta", TextDelta("hi"));

        List<string> seen = new();
        Assert.CatchAsync<OperationCanceledException>(async () =>
        {
            await foreach (StreamingUpdate update in stream.WithCancellation(cts.Token))
            {
                seen.Add(Describe(update));
                if (update is MessageDeltaUpdate)
                {
                    cts.Cancel();
                }
            }
        });

        Assert.That(seen, Is.EqualTo(new[] { "thread.run.created run_1 queued", "thread.message.delta msg_1 [hi]" }));
        Assert.That(runs.Cancels(), Is.EqualTo(1));
        Assert.That(stream.CancelledOnAbandon, Is.True);
    }

    [Test]
    public async Task ConnectionResetMidStream_IsNotAnAbandonment_NoCancelIsSent()
    {
        await using RunServer runs = await RunServer.StartAsync();
        using AssistantsApiClient client = NewClient(runs.Server);
        RunStream stream = await client.Runs.CreateStreamingAsync("thread_1", "asst_1");
        runs.Emit("thread.run.created", Run("queued"));

        List<StreamingUpdate> seen = new();
        Assert.ThrowsAsync<StreamEndedEarlyException>(async () =>
        {
            await foreach (StreamingUpdate update in stream)
            {
                seen.Add(update);
                runs.Emit("reset", string.Empty);
            }
        });
        await stream.DisposeAsync();

        Assert.That(seen, Has.Count.EqualTo(1));
        Assert.That(runs.Cancels("/cancel"), Is.Zero);
        Assert.That(stream.CancelledOnAbandon, Is.False);
    }

    [Test]
    public async Task ConnectionResetBeforeTheFirstEvent_IsNotAnAbandonment_NoCancelIsSent()
    {
        await using RunServer runs = await RunServer.StartAsync();
        using AssistantsApiClient client = NewClient(runs.Server);
        RunStream stream = await client.Runs.CreateStreamingAsync("thread_1", "asst_1");
        runs.Emit("reset", string.Empty);

        Assert.ThrowsAsync<StreamEndedEarlyException>(async () => await stream.ToListAsync());
        await stream.DisposeAsync();

        Assert.That(runs.Server.Requests.Select(r => r.Method + " " + r.Path), Is.EqualTo(new[] { "POST /v1/threads/thread_1/runs" }));
    }

    [Test]
    public async Task CreateThreadAndRunStream_DisposedBeforeTheFirstEvent_CancelsTheLearnedThreadAndRun()
    {
        await using RunServer runs = await RunServer.StartAsync();
        using AssistantsApiClient client = NewClient(runs.Server);
        RunStream stream = await client.Runs.CreateThreadAndRunStreamingAsync("asst_1");

        Task disposal = stream.DisposeAsync().AsTask();
        runs.Emit("thread.created", """{"id":"thread_9","object":"thread","created_at":1,"metadata":{}}""");
        runs.Emit("thread.run.created", Run("queued", "run_9").Replace("thread_1", "thread_9", StringComparison.Ordinal));
        await disposal;

        Assert.Multiple(() =>
        {
            Assert.That(runs.Cancels("/threads/thread_9/runs/run_9/cancel"), Is.EqualTo(1));
            Assert.That((stream.ThreadId, stream.RunId), Is.EqualTo(("thread_9", "run_9")));
            Assert.That(stream.CancelledOnAbandon, Is.True);
        });
    }

    [Test]
    public async Task SubmitToolOutputsStream_DisposedBeforeTheFirstEvent_CancelsAtOnceWithTheKnownIds()
    {
        await using RunServer runs = await RunServer.StartAsync();
        using AssistantsApiClient client = NewClient(runs.Server);
        RunStream stream = await client.Runs.SubmitToolOutputsStreamingAsync("thread_1", "run_1", new[] { new ToolOutput("call_1", "42") });

        await stream.DisposeAsync();

        Assert.That(runs.Cancels(), Is.EqualTo(1), "no event was needed: the ids were in the request");
        Assert.That(stream.CancelledOnAbandon, Is.True);
    }

    [Test]
    public async Task DisposeAsync_WithCancelRunOnAbandonOff_NeitherReadsAheadNorCancels()
    {
        await using RunServer runs = await RunServer.StartAsync();
        using AssistantsApiClient client = NewClient(runs.Server);
        RunStream stream = await client.Runs.CreateStreamingAsync("thread_1", "asst_1");
        stream.CancelRunOnAbandon = false;

        await stream.DisposeAsync();

        Assert.That(runs.Cancels("/cancel"), Is.Zero);
        Assert.That(stream.RunId, Is.Null);
    }
}
