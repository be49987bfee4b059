using System.Collections.Generic;
using System.Linq;

namespace Assistants.Client.Benchmarks;

/// <summary>A contender's medians over the repetitions, per unit.</summary>
internal sealed record CompareRow(string Scenario, string Reader, string Unit, int Units, double UnitsPerSecond, double WallUsPerUnit, double CpuUsPerUnit, double BytesPerUnit, double FirstDeltaMs)
{
    public static CompareRow From(Contender contender, List<Sample> samples)
    {
        double wall = LoadMode.Median(samples.Select(s => s.Wall.TotalMicroseconds)) / contender.Units;
        return new CompareRow(
            contender.Scenario,
            contender.Reader,
            contender.Unit,
            contender.Units,
            1_000_000 / wall,
            wall,
            LoadMode.Median(samples.Select(s => s.Cpu.TotalMicroseconds)) / contender.Units,
            LoadMode.Median(samples.Select(s => (double)s.Allocated)) / contender.Units,
            LoadMode.Median(samples.Select(s => s.FirstDeltaMs)));
    }
}
