using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;
using OpenAI.Assistants;

namespace Assistants.Client.Benchmarks;

/// <summary>The official <c>OpenAI</c> 2.15.0 package's readers for <c>--compare</c> (its assistants API is experimental, OPENAI001).</summary>
internal sealed class OfficialReaders(AssistantClient client)
{
    public async Task<(int, double)> TextAsync()
    {
        int deltas = 0;
        await foreach (OpenAI.Assistants.StreamingUpdate update in await client.CreateRunStreamingAsync("thread_text", WireData.AssistantId))
        {
            deltas += update is MessageContentUpdate { Text: { } } ? 1 : 0;
        }

        return (deltas, double.NaN);
    }

    public async Task<(int, double)> CallAsync()
    {
        int deltas = 0;
        await foreach (OpenAI.Assistants.StreamingUpdate update in await client.CreateRunStreamingAsync("thread_call", WireData.AssistantId))
        {
            deltas += update is RunStepDetailsUpdate { FunctionArguments.Length: > 0 } ? 1 : 0;
        }

        return (deltas, double.NaN);
    }

    public async Task<(int, double)> ShortRunsAsync(int runs)
    {
        List<double> first = new(runs);
        int complete = 0;
        for (int r = 0; r < runs; r++)
        {
            long start = Stopwatch.GetTimestamp();
            int deltas = 0;
            await foreach (OpenAI.Assistants.StreamingUpdate update in await client.CreateRunStreamingAsync("thread_short", WireData.AssistantId))
            {
                if (update is MessageContentUpdate { Text: { } } && deltas++ == 0)
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
            OpenAI.Assistants.ThreadRun run = (await client.GetRunAsync(WireData.ThreadId, WireData.RunId)).Value;
            ok += run.Id == WireData.RunId ? 1 : 0;
        }

        return (ok, double.NaN);
    }

    public async Task<(int, double)> ListMessagesAsync()
    {
        int messages = 0;
        await foreach (OpenAI.Assistants.ThreadMessage message in client.GetMessagesAsync(WireData.ThreadId, new OpenAI.Assistants.MessageCollectionOptions { PageSizeLimit = WireData.PageSize }))
        {
            messages += message.Id is null ? 0 : 1;
        }

        return (messages, double.NaN);
    }
}
