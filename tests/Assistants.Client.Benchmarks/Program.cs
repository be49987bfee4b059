using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Assistants.Client.Benchmarks;

/// <summary>
/// Dispatches to a mode: <c>--alloc</c>, <c>--load</c>, <c>--soak</c>, <c>--compare</c>, <c>--server-cpu</c> (and
/// <c>--serve</c>, the child <c>--compare</c> starts). Anything else goes to BenchmarkDotNet; <c>--inprocess-short</c>
/// runs a short in-process job. Commands and results: docs/PERFORMANCE.md and docs/benchmarks.md.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        BenchArgs options = new(args);
        switch (args.Length > 0 ? args[0] : "")
        {
            case "--alloc":
                return await AllocMode.RunAsync();
            case "--load":
                return await LoadMode.RunAsync(options);
            case "--soak":
                return await SoakMode.RunAsync(options);
            case "--compare":
                return await CompareMode.RunAsync(options);
            case "--server-cpu":
                return await ServerCpuMode.RunAsync(options);
            case "--serve":
                return await ChildServer.ServeAsync(options);
        }

        IConfig config = DefaultConfig.Instance;
        if (Array.IndexOf(args, "--inprocess-short") >= 0)
        {
            args = Array.FindAll(args, a => a != "--inprocess-short");
            config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        return 0;
    }
}
