using System;
using System.IO;
using System.Reflection;
using System.Threading.Tasks;

namespace Assistants.Samples.Tests;

/// <summary>Runs a sample's entry point in-process, offline, with its console output captured.</summary>
internal static class SampleRunner
{
    // Every variable that would send a sample to a real model or a remote server.
    private static readonly string[] s_backendVariables =
        ["OPENAI_API_KEY", "ASSISTANTS_BASE_URL", "ASSISTANTS_API_KEY", "Assistants__BaseUrl"];

    /// <summary>Runs the entry point of the sample assembly named <paramref name="assemblyName"/>.</summary>
    /// <param name="assemblyName">The sample's assembly name, e.g. <c>Quickstart</c>.</param>
    /// <returns>The exit code (0 when the entry point returns nothing) and everything written to the console.</returns>
    public static async Task<SampleResult> RunAsync(string assemblyName)
    {
        MethodInfo entryPoint = Assembly.Load(new AssemblyName(assemblyName)).EntryPoint
            ?? throw new InvalidOperationException($"{assemblyName} has no entry point.");

        foreach (string name in s_backendVariables)
        {
            Environment.SetEnvironmentVariable(name, null);
        }

        TextWriter originalOut = Console.Out;
        using var output = new StringWriter();
        Console.SetOut(TextWriter.Synchronized(output));
        int exitCode;
        try
        {
            object? returned;
            try
            {
                returned = entryPoint.Invoke(null, entryPoint.GetParameters().Length == 0 ? null : [Array.Empty<string>()]);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }

            exitCode = returned switch
            {
                Task<int> withCode => await withCode.WaitAsync(TimeSpan.FromSeconds(60)),
                Task task => await Completed(task),
                int code => code,
                _ => 0,
            };
        }
        finally
        {
            Console.SetOut(originalOut);
        }

        return new SampleResult(exitCode, output.ToString());
    }

    private static async Task<int> Completed(Task task)
    {
        await task.WaitAsync(TimeSpan.FromSeconds(60));
        return 0;
    }
}
