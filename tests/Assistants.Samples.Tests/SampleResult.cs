namespace Assistants.Samples.Tests;

/// <summary>What a sample run left behind: its exit code and its console output.</summary>
/// <param name="ExitCode">The value the entry point returned (0 when it returns nothing).</param>
/// <param name="Output">Everything written to <see cref="System.Console.Out"/>.</param>
internal sealed record SampleResult(int ExitCode, string Output);
