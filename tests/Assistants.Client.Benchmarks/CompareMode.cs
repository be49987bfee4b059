using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OpenAI.Assistants;

namespace Assistants.Client.Benchmarks;

/// <summary>
/// <c>--compare</c>: this library (typed stream and <see cref="AssistantEventHandler"/>), the official <c>OpenAI</c>
/// package and a raw loop, side by side against the <c>--serve</c> child, interleaved per repetition. Client-side
/// allocations (<see cref="GC.GetTotalAllocatedBytes(bool)"/>: the server is another process), CPU time
/// (<see cref="Environment.CpuUsage"/>) and wall time per unit; medians of <c>--reps</c> repetitions after warm-up.
/// </summary>
internal static class CompareMode
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        bool quick = args.Has("--quick");
        int reps = args.Get("--reps", quick ? 3 : 9);
        int warmups = args.Get("--warmups", quick ? 1 : 2);
        int shortRuns = args.Get("--short-runs", quick ? 20 : 100);
        int getCalls = args.Get("--get-calls", quick ? 100 : 1000);
        WireData data = new(quick);
        (Process child, int port) = ChildServer.Start(quick);
        Uri baseUrl = new($"http://127.0.0.1:{port}/v1/");
        using HttpClient oursHttp = NewHttpClient();
        using HttpClient officialHttp = NewHttpClient();
        using HttpClient rawHttp = NewHttpClient();
        using AssistantsApiClient client = new(oursHttp, new AssistantsClientOptions { Profile = ServerProfile.OpenAICompatible(baseUrl), ApiKey = "sk-bench" });
        AssistantClient official = new(new ApiKeyCredential("sk-bench"), new AssistantClientOptions { Endpoint = baseUrl, Transport = new HttpClientPipelineTransport(officialHttp) });
        OursReaders ours = new(client);
        OfficialReaders sdk = new(official);
        RawReaders raw = new(rawHttp, baseUrl);
        Contender[] contenders =
        [
            new("text stream", "ours typed", "event", data.TextDeltas, ours.TextTypedAsync),
            new("text stream", "ours handler", "event", data.TextDeltas, ours.TextHandlerAsync),
            new("text stream", "official", "event", data.TextDeltas, sdk.TextAsync),
            new("text stream", "raw", "event", data.TextDeltas, raw.TextAsync),
            new("function-call stream", "ours typed", "event", data.FunctionDeltas, ours.CallTypedAsync),
            new("function-call stream", "ours handler", "event", data.FunctionDeltas, ours.CallHandlerAsync),
            new("function-call stream", "official", "event", data.FunctionDeltas, sdk.CallAsync),
            new("function-call stream", "raw", "event", data.FunctionDeltas, raw.CallAsync),
            new("short runs", "ours typed", "run", shortRuns, () => ours.ShortRunsAsync(shortRuns)),
            new("short runs", "official", "run", shortRuns, () => sdk.ShortRunsAsync(shortRuns)),
            new("short runs", "raw", "run", shortRuns, () => raw.ShortRunsAsync(shortRuns)),
            new("GET run", "ours typed", "call", getCalls, () => ours.GetRunAsync(getCalls)),
            new("GET run", "official", "call", getCalls, () => sdk.GetRunAsync(getCalls)),
            new("GET run", "raw", "call", getCalls, () => raw.GetRunAsync(getCalls)),
            new("list messages", "ours typed", "message", data.MessageCount, ours.ListMessagesAsync),
            new("list messages", "official", "message", data.MessageCount, sdk.ListMessagesAsync),
            new("list messages", "raw", "message", data.MessageCount, raw.ListMessagesAsync),
        ];

        try
        {
            Console.WriteLine($"Compare: {reps} repetitions after {warmups} warm-up(s), interleaved; server: --serve child on port {port}.");
            Console.WriteLine($"Data: run object {data.Run.Length} B; text stream {data.TextDeltas} deltas ({data.TextStream.Length} B); function-call stream {data.FunctionDeltas} deltas, "
                + $"{data.ArgumentLength} argument chars ({data.FunctionStream.Length} B); short run {WireData.ShortRunEvents} events ({data.ShortRun.Length} B); "
                + $"{data.MessageCount} messages in pages of {WireData.PageSize} ({data.Pages[""].Length} B for the first page).");
            Dictionary<Contender, List<Sample>> samples = contenders.ToDictionary(c => c, _ => new List<Sample>());
            for (int rep = 0; rep < warmups + reps; rep++)
            {
                foreach (Contender contender in contenders)
                {
                    Sample sample = await MeasureAsync(contender);
                    if (rep >= warmups)
                    {
                        samples[contender].Add(sample);
                    }
                }

                Console.Error.Write(rep < warmups ? "w" : ".");
            }

            Console.Error.WriteLine();
            List<CompareRow> rows = [.. contenders.Select(c => CompareRow.From(c, samples[c]))];
            CompareReport.Print(rows);
            string file = CompareReport.WriteJson(rows, reps, warmups, quick, data);
            Console.WriteLine($"JSON: {file}");
            return 0;
        }
        finally
        {
            child.StandardInput.Close();
            if (!child.WaitForExit(10_000))
            {
                child.Kill(entireProcessTree: true);
            }

            child.Dispose();
        }
    }

    private static HttpClient NewHttpClient() => new(new SocketsHttpHandler()) { Timeout = Timeout.InfiniteTimeSpan };

    private static async Task<Sample> MeasureAsync(Contender contender)
    {
        long bytes = GC.GetTotalAllocatedBytes(precise: true);
        TimeSpan cpu = Environment.CpuUsage.TotalTime;
        long start = Stopwatch.GetTimestamp();
        (int units, double firstDelta) = await contender.RunOnce();
        TimeSpan wall = Stopwatch.GetElapsedTime(start);
        TimeSpan cpuUsed = Environment.CpuUsage.TotalTime - cpu;
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - bytes;
        return units == contender.Units
            ? new Sample(wall, cpuUsed, allocated, firstDelta)
            : throw new InvalidOperationException($"{contender.Scenario} / {contender.Reader}: {units} {contender.Unit}s, expected {contender.Units}");
    }
}
