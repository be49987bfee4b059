using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;

namespace Assistants.Client.Benchmarks;

/// <summary>
/// <c>--soak</c>: many streaming runs (default 50,000, 50 concurrent) against this tree's Host with the SQLite
/// store in a temporary folder, reporting the server's working set and GC heap (read from the Host's
/// <c>--diagnostics</c> endpoint) every <c>--every</c> runs (default 10,000).
/// </summary>
internal static class SoakMode
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        int runs = args.Get("--runs", 50_000);
        int every = args.Get("--every", Math.Min(10_000, Math.Max(1, runs / 5)));
        int concurrency = args.Get("--concurrency", 50);
        string store = args.Get("--store", "sqlite");
        string apiKey = args.Get("--api-key") ?? "sk-bench-" + Guid.NewGuid().ToString("N");
        List<string> folders = [];
        string[] hostArgs = store == "sqlite" ? ["--diagnostics", "--data", LoadMode.NewDataFolder(folders)] : ["--diagnostics", "--in-memory"];
        HostProcess host = await HostProcess.StartAsync("current " + store, HostBuilds.Current(), hostArgs, apiKey);
        using HttpClient http = new() { BaseAddress = host.Root };
        try
        {
            using LoadTarget target = await LoadTarget.CreateAsync(host, apiKey, TimeSpan.FromSeconds(2));
            await target.RunAsync(Math.Min(200, runs), concurrency);
            Console.WriteLine($"Soak: {runs} streaming runs, {concurrency} concurrent, {store} store; server memory every {every} runs (after 200 warm-up runs).");
            Console.WriteLine($"{"runs",7} {"runs/s",8} {"errors",6} {"working set",12} {"GC heap",10} {"WS after GC",12} {"heap after GC",14} {"committed",10}");
            await PrintAsync(http, 0, null);
            int done = 0;
            int errors = 0;
            while (done < runs)
            {
                LoadResult chunk = await target.RunAsync(Math.Min(every, runs - done), concurrency);
                done += chunk.Runs;
                errors += chunk.Errors;
                await PrintAsync(http, done, chunk);
            }

            Console.WriteLine($"errors: {errors}");
            return errors == 0 ? 0 : 1;
        }
        finally
        {
            await host.DisposeAsync();
            folders.ForEach(f => Directory.Delete(f, recursive: true));
        }
    }

    private static async Task PrintAsync(HttpClient http, int done, LoadResult? chunk)
    {
        using JsonDocument live = JsonDocument.Parse(await http.GetStringAsync("_diagnostics/memory"));
        using JsonDocument collected = JsonDocument.Parse(await http.GetStringAsync("_diagnostics/memory?gc=1"));
        Console.WriteLine($"{done,7} {chunk?.RunsPerSecond ?? 0,8:F1} {chunk?.Errors ?? 0,6} {Mb(live, "working_set_bytes"),12} {Mb(live, "gc_heap_bytes"),10} "
            + $"{Mb(collected, "working_set_bytes"),12} {Mb(collected, "gc_heap_bytes"),14} {Mb(collected, "gc_committed_bytes"),10}"
            + (chunk?.FirstError is { } error ? "  first error: " + error : ""));
    }

    private static string Mb(JsonDocument json, string name) => $"{json.RootElement.GetProperty(name).GetInt64() / (1024.0 * 1024.0):F1} MB";
}
