using System;
using System.Diagnostics;
using System.IO;

namespace Assistants.Client.Benchmarks;

/// <summary>Where the Host builds are: this tree's (built with the benchmark) and a baseline commit's (extracted and built on demand).</summary>
internal static class HostBuilds
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    /// <summary>The commit before the issue-14 server work: no storage seam, one global lock, no API keys.</summary>
    public const string DefaultBaseline = "5d91d53";

    private const string HostProject = "src/Assistants.Server.Host";

    /// <summary>Gets the repository root: the first folder above the program that holds <c>Assistants.Client.sln</c>.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>Returns this tree's Host dll, building the Host (in the benchmark's configuration) when it is missing.</summary>
    public static string Current()
    {
        string dll = HostDll(RepositoryRoot, Configuration);
        if (!File.Exists(dll))
        {
            Run("dotnet", RepositoryRoot, "build", HostProject, "-c", Configuration, "--nologo", "-v", "q");
        }

        return dll;
    }

    /// <summary>
    /// Returns the Host dll of <paramref name="commit"/>: the commit's tree is extracted with <c>git archive</c> into
    /// <c>artifacts/baseline-SHA</c> and its Host built in Release, once (later runs reuse the build).
    /// </summary>
    public static string Baseline(string commit)
    {
        string sha = Run("git", RepositoryRoot, "rev-parse", "--short=7", commit + "^{commit}").Trim();
        string folder = Path.Combine(RepositoryRoot, "artifacts", "baseline-" + sha);
        string dll = HostDll(folder, "Release");
        if (File.Exists(dll))
        {
            return dll;
        }

        Directory.CreateDirectory(folder);
        string tar = Path.Combine(RepositoryRoot, "artifacts", "baseline-" + sha + ".tar");
        Console.WriteLine($"Extracting {sha} into {folder} and building its Host (Release)...");
        Run("git", RepositoryRoot, "archive", "-o", tar, sha);
        Run("tar", folder, "-xf", tar);
        File.Delete(tar);
        Run("dotnet", folder, "build", HostProject, "-c", "Release", "--nologo", "-v", "q");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("the baseline build produced no Host dll", dll);
    }

    private static string HostDll(string root, string configuration) =>
        Path.Combine(root, HostProject, "bin", configuration, "net10.0", "Assistants.Server.Host.dll");

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Assistants.Client.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmark from the repository (no Assistants.Client.sln above " + AppContext.BaseDirectory + ").");
    }

    private static string Run(string file, string workingDirectory, params string[] args)
    {
        ProcessStartInfo start = new(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + file);
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}):{Environment.NewLine}{output}");
    }
}
