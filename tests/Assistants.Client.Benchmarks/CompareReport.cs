using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Assistants.Client.Benchmarks;

/// <summary>The <c>--compare</c> table (and ratios) on the console and as JSON in artifacts/benchmarks/compare.json.</summary>
internal static class CompareReport
{
    public static void Print(List<CompareRow> rows)
    {
        Console.WriteLine();
        Console.WriteLine($"{"scenario",-21} {"reader",-13} {"units/s",11} {"wall us/unit",13} {"CPU us/unit",12} {"B/unit",10} {"1st delta ms",13}");
        foreach (CompareRow row in rows)
        {
            Console.WriteLine($"{row.Scenario,-21} {row.Reader,-13} {row.UnitsPerSecond,11:F0} {row.WallUsPerUnit,13:F2} {row.CpuUsPerUnit,12:F2} {row.BytesPerUnit,10:F0} {(double.IsNaN(row.FirstDeltaMs) ? "" : row.FirstDeltaMs.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)),13}");
        }

        Console.WriteLine();
        Console.WriteLine($"{"scenario",-21} {"reader",-13} {"vs official (units/s)",22} {"vs raw (time)",14} {"vs raw (CPU)",13}");
        foreach (CompareRow row in rows.Where(r => r.Reader.StartsWith("ours", StringComparison.Ordinal)))
        {
            (double? official, double? raw, double? rawCpu) = Ratios(rows, row);
            Console.WriteLine($"{row.Scenario,-21} {row.Reader,-13} {Format(official),22} {Format(raw),14} {Format(rawCpu),13}");
        }
    }

    public static string WriteJson(List<CompareRow> rows, int reps, int warmups, bool quick, WireData data)
    {
        string folder = Path.Combine(HostBuilds.RepositoryRoot, "artifacts", "benchmarks");
        Directory.CreateDirectory(folder);
        string file = Path.Combine(folder, "compare.json");
        using FileStream stream = File.Create(file);
        using Utf8JsonWriter json = new(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("machine", $"{Environment.MachineName}, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
        json.WriteString("date", DateTimeOffset.UtcNow.ToString("u", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteNumber("repetitions", reps);
        json.WriteNumber("warmups", warmups);
        json.WriteBoolean("quick", quick);
        json.WriteNumber("text_deltas", data.TextDeltas);
        json.WriteNumber("function_deltas", data.FunctionDeltas);
        json.WriteNumber("argument_chars", data.ArgumentLength);
        json.WriteNumber("run_object_bytes", data.Run.Length);
        json.WriteNumber("message_page_bytes", data.Pages[""].Length);
        json.WriteStartArray("rows");
        foreach (CompareRow row in rows)
        {
            json.WriteStartObject();
            json.WriteString("scenario", row.Scenario);
            json.WriteString("reader", row.Reader);
            json.WriteString("unit", row.Unit);
            json.WriteNumber("units", row.Units);
            json.WriteNumber("units_per_second", Math.Round(row.UnitsPerSecond, 1));
            json.WriteNumber("wall_us_per_unit", Math.Round(row.WallUsPerUnit, 3));
            json.WriteNumber("cpu_us_per_unit", Math.Round(row.CpuUsPerUnit, 3));
            json.WriteNumber("bytes_per_unit", Math.Round(row.BytesPerUnit, 1));
            if (!double.IsNaN(row.FirstDeltaMs))
            {
                json.WriteNumber("first_delta_ms", Math.Round(row.FirstDeltaMs, 4));
            }

            (double? official, double? raw, double? rawCpu) = Ratios(rows, row);
            WriteRatio(json, "ratio_vs_official_units_per_second", official);
            WriteRatio(json, "ratio_vs_raw_time", raw);
            WriteRatio(json, "ratio_vs_raw_cpu", rawCpu);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        return file;
    }

    private static (double? VsOfficial, double? VsRawTime, double? VsRawCpu) Ratios(List<CompareRow> rows, CompareRow row)
    {
        CompareRow? official = rows.FirstOrDefault(r => r.Scenario == row.Scenario && r.Reader == "official");
        CompareRow? raw = rows.FirstOrDefault(r => r.Scenario == row.Scenario && r.Reader == "raw");
        return (official is null || row == official ? null : row.UnitsPerSecond / official.UnitsPerSecond,
            raw is null || row == raw ? null : row.WallUsPerUnit / raw.WallUsPerUnit,
            raw is null || row == raw ? null : row.CpuUsPerUnit / raw.CpuUsPerUnit);
    }

    private static void WriteRatio(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } ratio)
        {
            json.WriteNumber(name, Math.Round(ratio, 3));
        }
    }

    private static string Format(double? ratio) => ratio is { } r ? r.ToString("F2", System.Globalization.CultureInfo.InvariantCulture) + "x" : "";
}
