using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;

namespace Assistants.Client.Benchmarks;

/// <summary>This library's readers for <c>--compare</c>: the typed run stream, <see cref="AssistantEventHandler"/>, JSON calls, a list.</summary>
internal sealed class OursReaders(AssistantsApiClient client)
{
    public async Task<(int, double)> TextTypedAsync()
    {
        int deltas = 0;
        await using RunStream stream = await client.Runs.CreateStreamingAsync("thread_text", WireData.AssistantId);
        await foreach (StreamingUpdate update in stream)
        {
            deltas += update is MessageDeltaUpdate { Text: { } } ? 1 : 0;
        }

        return (deltas, double.NaN);
    }

    public async Task<(int, double)> TextHandlerAsync()
    {
        Handler handler = new();
        await handler.ConsumeAsync(await client.Runs.CreateStreamingAsync("thread_text", WireData.AssistantId));
        return (handler.Deltas, double.NaN);
    }

    public async Task<(int, double)> CallTypedAsync()
    {
        int deltas = 0;
        await using RunStream stream = await client.Runs.CreateStreamingAsync("thread_call", WireData.AssistantId);
        await foreach (StreamingUpdate update in stream)
        {
            deltas += update is RunStepDeltaUpdate { FunctionArguments.Length: > 0 } ? 1 : 0;
        }

        return (deltas, double.NaN);
    }

    public async Task<(int, double)> CallHandlerAsync()
    {
        Handler handler = new();
        await handler.ConsumeAsync(await client.Runs.CreateStreamingAsync("thread_call", WireData.AssistantId));
        return (handler.Deltas, double.NaN);
    }

    public async Task<(int, double)> ShortRunsAsync(int runs)
    {
        List<double> first = new(runs);
        int complete = 0;
        for (int r = 0; r < runs; r++)
        {
            long start = Stopwatch.GetTimestamp();
            int deltas = 0;
            await using RunStream stream = await client.Runs.CreateStreamingAsync("thread_short", WireData.AssistantId);
            await foreach (StreamingUpdate update in stream)
            {
                if (update is MessageDeltaUpdate { Text: { } } && deltas++ == 0)
                {
                    first.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
            }

            complete += deltas == WireData.ShortRunDeltas ? 1 : 0;
        }

        return (complete, LoadMode.Median(first));
    }

    public async Task<(int, double)> GetRunAsync(int calls)
    {
        int ok = 0;
        for (int i = 0; i < calls; i++)
        {
            ThreadRun run = await client.Runs.GetAsync(WireData.ThreadId, WireData.RunId);
            ok += run.Id == WireData.RunId ? 1 : 0;
        }

        return (ok, double.NaN);
    }

    public async Task<(int, double)> ListMessagesAsync()
    {
        int messages = 0;
        await foreach (ThreadMessage message in client.Messages.ListAsync(WireData.ThreadId, new MessageCollectionOptions { Limit = WireData.PageSize }))
        {
            messages += message.Id is null ? 0 : 1;
        }

        return (messages, double.NaN);
    }

    /// <summary>Reads text and arguments through the delta callbacks, as the Python tutorial does.</summary>
    private sealed class Handler : AssistantEventHandler
    {
        public int Deltas { get; private set; }

        protected override void OnTextDelta(string text, int contentIndex) => Deltas += text is null ? 0 : 1;

        protected override void OnToolCallDelta(RunStepToolCallDelta delta, RunStepToolCallSnapshot snapshot)
            => Deltas += (delta as RunStepFunctionToolCallDelta)?.Function?.Arguments is { Length: > 0 } ? 1 : 0;
    }
}
