using System;
using System.Threading.Tasks;

namespace Assistants.Client.Benchmarks;

/// <summary>
/// One reader of one <c>--compare</c> scenario. <see cref="RunOnce"/> reads the scenario once and returns how many
/// units it saw (checked against <see cref="Units"/>) and the median time to first delta in ms (NaN where none).
/// </summary>
internal sealed record Contender(string Scenario, string Reader, string Unit, int Units, Func<Task<(int Units, double FirstDeltaMs)>> RunOnce);
