using System;

namespace Assistants.Client.Benchmarks;

/// <summary>One measured repetition of a <see cref="Contender"/>: wall time, this process's CPU time, bytes allocated, time to first delta.</summary>
internal sealed record Sample(TimeSpan Wall, TimeSpan Cpu, long Allocated, double FirstDeltaMs);
