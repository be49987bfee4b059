using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace Assistants.Client.Benchmarks;

/// <summary>
/// <c>--load</c>: N concurrent streaming runs through one client against the Host in a child process; with
/// <c>--baseline [commit]</c>, the same load against that commit's Host and this tree's (in-memory and SQLite),
/// interleaved round by round. See docs/PERFORMANCE.md.
/// </summary>
internal static class LoadMode
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        int concurrency = args.Get("--concurrency", 500);
        int runs = args.Get("--runs", 2000);
        int rounds = args.Get("--rounds", 3);
        string store = args.Get("--store", "memory");
        string apiKey = args.Get("--api-key") ?? "sk-bench-" + Guid.NewGuid().ToString("N");
        TimeSpan idle = TimeSpan.FromSeconds(args.Get("--idle-timeout", 2));
        string? baseline = args.Has("--baseline") ? args.Get("--baseline") : null;
        if (args.Has("--baseline") && (baseline is null || baseline.StartsWith("--", StringComparison.Ordinal)))
        {
            baseline = HostBuilds.DefaultBaseline;
        }

        List<string> dataFolders = [];
        List<HostProcess> hosts = [];
        List<LoadTarget> targets = [];
        try
        {
            string current = HostBuilds.Current();
            if (baseline is not null)
            {
                string old = HostBuilds.Baseline(baseline);
                hosts.Add(await HostProcess.StartAsync("baseline " + baseline, old, [], apiKey: null));
                hosts.Add(await HostProcess.StartAsync("current memory", current, ["--in-memory"], apiKey));
                hosts.Add(await HostProcess.StartAsync("current sqlite", current, ["--data", NewDataFolder(dataFolders)], apiKey));
            }
            else
            {
                rounds = args.Get("--rounds", 1);
                string[] hostArgs = store == "sqlite" ? ["--data", NewDataFolder(dataFolders)] : ["--in-memory"];
                hosts.Add(await HostProcess.StartAsync("current " + store, current, hostArgs, apiKey));
            }

            foreach (HostProcess host in hosts)
            {
                targets.Add(await LoadTarget.CreateAsync(host, host.Name.StartsWith("baseline", StringComparison.Ordinal) ? null : apiKey, idle));
            }

            Console.WriteLine($"Load: {runs} streaming runs per round, {concurrency} concurrent, {rounds} round(s), one client per host, idle timeout {idle.TotalSeconds} s.");
            foreach (LoadTarget target in targets)
            {
                LoadResult warm = await target.RunAsync(Math.Max(10, Math.Min(runs / 10, 200)), Math.Min(concurrency, 50));
                Console.WriteLine($"warm-up {target.Host.Name}: {warm.Runs} runs, {warm.Errors} errors");
            }

            long memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
            Dictionary<string, List<LoadResult>> results = hosts.ToDictionary(h => h.Name, _ => new List<LoadResult>());
            Console.WriteLine(LoadResult.Header);
            for (int round = 0; round < rounds; round++)
            {
                foreach (LoadTarget target in targets)
                {
                    LoadResult result = await target.RunAsync(runs, concurrency);
                    results[target.Host.Name].Add(result);
                    Console.WriteLine(result);
                }
            }

            await Task.Delay(idle + TimeSpan.FromSeconds(2));
            long memoryAfter = GC.GetTotalMemory(forceFullCollection: true);
            Summarize(results, rounds > 1);
            int errors = results.Values.SelectMany(r => r).Sum(r => r.Errors);
            Console.WriteLine($"errors: {errors}");
            Console.WriteLine($"client memory after a full GC: {memoryBefore / 1024.0:F0} KB before the rounds, {memoryAfter / 1024.0:F0} KB after ({(memoryAfter - memoryBefore) / 1024.0:+0;-0} KB)");
            foreach (HostProcess host in hosts)
            {
                Console.WriteLine($"open connections to {host.Name} (port {host.Port}) {idle.TotalSeconds + 2} s after the last run: {TcpConnections.OpenTo(host.Port)}");
            }

            return errors == 0 ? 0 : 1;
        }
        finally
        {
            targets.ForEach(t => t.Dispose());
            foreach (HostProcess host in hosts)
            {
                await host.DisposeAsync();
            }

            dataFolders.ForEach(d => Directory.Delete(d, recursive: true));
        }
    }

    internal static string NewDataFolder(List<string> folders)
    {
        string folder = Path.Combine(Path.GetTempPath(), "assistants-bench-" + Guid.NewGuid().ToString("N"));
        folders.Add(folder);
        return folder;
    }

    private static void Summarize(Dictionary<string, List<LoadResult>> results, bool several)
    {
        if (!several)
        {
            return;
        }

        Console.WriteLine("median over rounds:");
        Dictionary<string, double> medians = [];
        foreach ((string host, List<LoadResult> rounds) in results)
        {
            double median = Median(rounds.Select(r => r.RunsPerSecond));
            medians[host] = median;
            Console.WriteLine($"  {host,-18} {median,8:F1} runs/s  p50 {Median(rounds.Select(r => r.P50Ms)),7:F1} ms  p99 {Median(rounds.Select(r => r.P99Ms)),7:F1} ms"
                + $"  client CPU {Median(rounds.Select(r => r.ClientCpuPerRunMs)):F3} ms/run  server CPU {Median(rounds.Select(r => r.ServerCpuPerRunMs)):F3} ms/run");
        }

        string? baseline = medians.Keys.FirstOrDefault(k => k.StartsWith("baseline", StringComparison.Ordinal));
        if (baseline is not null)
        {
            foreach (string host in medians.Keys.Where(k => k != baseline))
            {
                Console.WriteLine($"  {host} / {baseline}: {medians[host] / medians[baseline]:F2}x runs/s");
            }
        }
    }

    internal static double Median(IEnumerable<double> values)
    {
        double[] sorted = [.. values.Order()];
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
