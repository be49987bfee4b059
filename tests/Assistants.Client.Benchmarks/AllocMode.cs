using System;
using System.Threading.Tasks;

namespace Assistants.Client.Benchmarks;

/// <summary>
/// <c>--alloc</c>: a quick check of bytes allocated per event with <see cref="GC.GetAllocatedBytesForCurrentThread"/>
/// (the in-memory stream completes synchronously, so the whole read stays on this thread).
/// </summary>
internal static class AllocMode
{
    public static async Task<int> RunAsync()
    {
        StreamingBenchmarks bench = new();
        bench.Setup();
        await Measure("raw SseParser + Utf8JsonReader", bench.RawSseParserAndUtf8JsonReader);
        await Measure("Assistants.Client RunStream", bench.AssistantsClientRunStream);
        await Measure("OpenAI 2.15.0 streaming", bench.OfficialOpenAIStreaming);
        bench.Cleanup();
        FunctionCallBenchmarks calls = new();
        calls.Setup();
        await Measure("raw loop, function-call stream", calls.RawFunctionCallLoop, FunctionCallFixture.Deltas);
        await Measure("RunStream, function-call stream", calls.FunctionCallTypedStream, FunctionCallFixture.Deltas);
        await Measure("AssistantEventHandler, function-call", calls.FunctionCallThroughHandler, FunctionCallFixture.Deltas);
        calls.Cleanup();
        await CallAllocations.RunAsync();
        return 0;
    }

    private static async Task Measure(string name, Func<Task<int>> read, int events = StreamFixture.Deltas)
    {
        for (int i = 0; i < 3; i++)
        {
            await read();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        int chars = await read();
        long after = GC.GetAllocatedBytesForCurrentThread();
        Console.WriteLine($"{name,-34} {(after - before) / (double)events,8:F1} bytes/event ({chars} chars)");
    }
}
