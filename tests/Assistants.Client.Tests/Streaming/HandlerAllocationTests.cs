using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Assistants.Client.Tests.Streaming;

/// <summary>
/// Guards against the quadratic snapshot: a 70,000-character function argument streamed in 1-6 character fragments
/// through an <see cref="AssistantEventHandler"/> that reads the fragments in its delta callback (as the Python
/// tutorial does). Bytes are counted on the consuming thread (the in-memory body completes synchronously), never time.
/// </summary>
[TestFixture]
public sealed class HandlerAllocationTests
{
    private const int ArgumentLength = 70_000;
    private const double MaxBytesPerEvent = 512;

#if LIBRARY_NETSTANDARD
    // The netstandard2.0 build of the library pays ~33 B/event more on this stream (281.7 measured; 248.5 on net10.0).
    private const double MaxTypedBytesPerEvent = 320;
#else
    private const double MaxTypedBytesPerEvent = 256;
#endif

    [Test]
    public async Task LongFunctionArgument_ThroughTheHandler_AllocatesAtMost512BytesPerEvent()
    {
        (byte[] body, int events, string arguments) = FunctionCallStream(ArgumentLength, seed: 7);
        using HttpClient http = new(new DelegateHandler((request, _) => Task.FromResult(Answer(body, request))));
        using AssistantsApiClient client = new(http, new AssistantsClientOptions { BaseUrl = new Uri(Wire.BaseUrl), ApiKey = Wire.ApiKey });

        // Warm up (JIT, static caches, type metadata), then measure one consumption.
        for (int i = 0; i < 2; i++)
        {
            ArgumentReader warmup = new();
            await warmup.ConsumeAsync(await client.Runs.CreateStreamingAsync("thread_1", "asst_1"));
            Assert.That(warmup.Arguments.ToString(), Is.EqualTo(arguments));
            Assert.That(warmup.DoneArguments, Is.EqualTo(arguments), "the snapshot's arguments at done");
            Assert.That(warmup.SnapshotChecks, Is.GreaterThan(10), "the live snapshot was compared along the way");
        }

        ArgumentReader handler = new(countOnly: true);
        RunStream stream = await client.Runs.CreateStreamingAsync("thread_1", "asst_1");
        long before = GC.GetAllocatedBytesForCurrentThread();
        Task consume = handler.ConsumeAsync(stream);
        long after = GC.GetAllocatedBytesForCurrentThread();
        Assert.That(consume.IsCompleted, Is.True, "the in-memory stream completes synchronously, so every byte is on this thread");
        await consume;

        double perEvent = (after - before) / (double)events;
        TestContext.Out.WriteLine($"{events} events, {after - before:N0} bytes, {perEvent:F1} B/event");
        Assert.That(handler.Length, Is.EqualTo(arguments.Length));
        Assert.That(handler.CurrentRun!.Status, Is.EqualTo(RunStatus.RequiresAction));
        Assert.That(perEvent, Is.LessThanOrEqualTo(MaxBytesPerEvent));
    }

    [Test]
    public async Task LongFunctionArgument_TypedStream_StaysWithinTheByteBudgetPerEvent()
    {
        (byte[] body, int events, string arguments) = FunctionCallStream(ArgumentLength, seed: 11);
        using HttpClient http = new(new DelegateHandler((request, _) => Task.FromResult(Answer(body, request))));
        using AssistantsApiClient client = new(http, new AssistantsClientOptions { BaseUrl = new Uri(Wire.BaseUrl), ApiKey = Wire.ApiKey });
        for (int i = 0; i < 2; i++)
        {
            Assert.That(await ReadArgumentsAsync(await client.Runs.CreateStreamingAsync("thread_1", "asst_1")), Is.EqualTo(arguments.Length));
        }

        RunStream stream = await client.Runs.CreateStreamingAsync("thread_1", "asst_1");
        long before = GC.GetAllocatedBytesForCurrentThread();
        Task<int> read = ReadArgumentsAsync(stream);
        long after = GC.GetAllocatedBytesForCurrentThread();
        Assert.That(read.IsCompleted, Is.True, "the in-memory stream completes synchronously, so every byte is on this thread");

        double perEvent = (after - before) / (double)events;
        TestContext.Out.WriteLine($"typed: {events} events, {after - before:N0} bytes, {perEvent:F1} B/event");
        Assert.That(await read, Is.EqualTo(arguments.Length));
        Assert.That(perEvent, Is.LessThanOrEqualTo(MaxTypedBytesPerEvent));
    }

    private static async Task<int> ReadArgumentsAsync(RunStream stream)
    {
        int length = 0;
        await using (stream)
        {
            await foreach (StreamingUpdate update in stream)
            {
                length += (update as RunStepDeltaUpdate)?.FunctionArguments?.Length ?? 0;
            }
        }

        return length;
    }

    private static HttpResponseMessage Answer(byte[] body, HttpRequestMessage request)
    {
        StreamContent content = new(new MemoryStream(body, writable: false), 16 * 1024);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/event-stream");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
    }

    /// <summary>A run that calls one function whose JSON arguments stream in 1-6 character fragments.</summary>
    internal static (byte[] Body, int Events, string Arguments) FunctionCallStream(int argumentLength, int seed)
    {
        Random random = new(seed);
        StringBuilder args = new("{\"text\":\"");
        while (args.Length < argumentLength - 2)
        {
            args.Append(random.Next(8) == 0 ? "\\\"" : ((char)('a' + random.Next(26))).ToString());
        }

        args.Append("\"}");
        string arguments = args.ToString();
        StringBuilder sse = new();
        sse.Append(StreamTestHelpers.Event("thread.run.created", StreamTestHelpers.Run("queued")));
        sse.Append(StreamTestHelpers.Event("thread.run.step.created", """{"id":"step_1","object":"thread.run.step","created_at":1,"run_id":"run_1","thread_id":"thread_1","type":"tool_calls","status":"in_progress","step_details":{"type":"tool_calls","tool_calls":[]}}"""));
        sse.Append(StreamTestHelpers.Event("thread.run.step.delta", """{"id":"step_1","object":"thread.run.step.delta","delta":{"step_details":{"type":"tool_calls","tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"write","arguments":"","output":null}}]}}}"""));
        int events = 3;
        for (int i = 0; i < arguments.Length;)
        {
            int n = Math.Min(1 + random.Next(6), arguments.Length - i);
            if (arguments[i + n - 1] == '\\' && i + n < arguments.Length)
            {
                n++;
            }

            string fragment = System.Text.Json.JsonEncodedText.Encode(arguments.Substring(i, n)).ToString();
            sse.Append("event: thread.run.step.delta\ndata: {\"id\":\"step_1\",\"object\":\"thread.run.step.delta\",\"delta\":{\"step_details\":{\"type\":\"tool_calls\",\"tool_calls\":[{\"index\":0,\"type\":\"function\",\"function\":{\"arguments\":\"")
                .Append(fragment).Append("\"}}]}}}\n\n");
            events++;
            i += n;
        }

        sse.Append(StreamTestHelpers.Event("thread.run.requires_action", StreamTestHelpers.Run("requires_action")));
        sse.Append(StreamTestHelpers.Event("done", "[DONE]"));
        return (Encoding.UTF8.GetBytes(sse.ToString()), events + 1, arguments);
    }

    /// <summary>Reads the arguments through the delta callbacks, as the Python tutorial prints them.</summary>
    private sealed class ArgumentReader(bool countOnly = false) : AssistantEventHandler
    {
        public StringBuilder Arguments { get; } = new();

        public int Length { get; private set; }

        protected override void OnToolCallCreated(RunStepToolCall toolCall) => Add((toolCall as RunStepFunctionToolCall)?.Function?.Arguments);

        public string? DoneArguments { get; private set; }

        public int SnapshotChecks { get; private set; }

        protected override void OnToolCallDelta(RunStepToolCallDelta delta, RunStepToolCallSnapshot snapshot)
        {
            Add((delta as RunStepFunctionToolCallDelta)?.Function?.Arguments);
            if (!countOnly && (snapshot.ArgumentsLength != Length || (Length % 997 == 0 && snapshot.Arguments != Arguments.ToString())))
            {
                throw new InvalidOperationException($"snapshot differs at {Length}: {snapshot.ArgumentsLength} characters");
            }

            SnapshotChecks += !countOnly && Length % 997 == 0 ? 1 : 0;
        }

        protected override void OnToolCallDone(RunStepToolCall toolCall) => DoneArguments = (toolCall as RunStepFunctionToolCall)?.Function?.Arguments;

        private void Add(string? fragment)
        {
            Length += fragment?.Length ?? 0;
            if (!countOnly)
            {
                Arguments.Append(fragment);
            }
        }
    }
}
