using System;

namespace Assistants.Client.Benchmarks;

/// <summary>One load round against one host: throughput, latency percentiles, CPU per run on both sides, errors.</summary>
internal sealed record LoadResult(
    string Host, int Runs, int Errors, TimeSpan Elapsed, double[] SortedLatencyMs, TimeSpan ClientCpu, TimeSpan ServerCpu, string? FirstError)
{
    public double RunsPerSecond => Runs / Elapsed.TotalSeconds;

    public double P50Ms => Percentile(0.50);

    public double P99Ms => Percentile(0.99);

    public double ClientCpuPerRunMs => ClientCpu.TotalMilliseconds / Runs;

    public double ServerCpuPerRunMs => ServerCpu.TotalMilliseconds / Runs;

    public static string Header =>
        $"{"host",-18} {"runs",6} {"runs/s",8} {"p50 ms",8} {"p99 ms",8} {"client CPU/run",15} {"server CPU/run",15} {"errors",6}";

    public override string ToString() =>
        $"{Host,-18} {Runs,6} {RunsPerSecond,8:F1} {P50Ms,8:F1} {P99Ms,8:F1} {ClientCpuPerRunMs,12:F3} ms {ServerCpuPerRunMs,12:F3} ms {Errors,6}"
        + (FirstError is null ? "" : $"  first error: {FirstError}");

    private double Percentile(double p) =>
        SortedLatencyMs.Length == 0 ? double.NaN : SortedLatencyMs[Math.Min(SortedLatencyMs.Length - 1, (int)(p * SortedLatencyMs.Length))];
}
