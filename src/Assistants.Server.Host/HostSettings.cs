using System;
using System.Collections.Generic;
using System.IO;

namespace Assistants.Server.Host;

/// <summary>The Host's own command-line switches; everything else goes to ASP.NET Core (e.g. <c>--urls</c>).</summary>
internal sealed class HostSettings
{
    /// <summary>Where the Host listens when no <c>--urls</c> or <c>ASPNETCORE_URLS</c> says otherwise.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>The environment variable with the accepted keys (comma-separated); none set means the key file.</summary>
    public const string KeysVariable = "ASSISTANTS_SERVER_API_KEYS";

    /// <summary>Gets the data folder: the store, and the generated key file.</summary>
    public string DataDirectory { get; private init; } = DefaultDataDirectory();

    /// <summary>Gets a value indicating whether the Host runs without keys (loopback only).</summary>
    public bool NoAuth { get; private init; }

    /// <summary>Gets a value indicating whether <c>--in-memory</c> keeps all state in memory instead of the SQLite store in the data folder.</summary>
    public bool InMemory { get; private init; }

    /// <summary>Gets a value indicating whether <c>--diagnostics</c> turns on the loopback-only memory endpoint (<see cref="HostDiagnostics"/>).</summary>
    public bool Diagnostics { get; private init; }

    /// <summary>Gets a value indicating whether <c>--help</c> was asked for.</summary>
    public bool ShowHelp { get; private init; }

    /// <summary>Gets the arguments left for ASP.NET Core.</summary>
    public IReadOnlyList<string> Remaining { get; private init; } = [];

    /// <summary>Gets the generated key's file: in the data folder, readable by its user only.</summary>
    public string KeyFilePath => Path.Combine(DataDirectory, "api-key");

    /// <summary>Reads the switches; throws <see cref="ArgumentException"/> for <c>--data</c> without a folder.</summary>
    public static HostSettings Parse(IReadOnlyList<string> args)
    {
        string data = DefaultDataDirectory();
        bool noAuth = false;
        bool help = false;
        bool inMemory = false;
        bool diagnostics = false;
        List<string> remaining = [];
        for (int i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--help" or "-h" or "-?":
                    help = true;
                    break;
                case "--no-auth":
                    noAuth = true;
                    break;
                case "--in-memory":
                    inMemory = true;
                    break;
                case "--diagnostics":
                    diagnostics = true;
                    break;
                case "--data":
                    data = i + 1 < args.Count ? args[++i] : throw new ArgumentException("--data needs a folder, e.g. --data ./assistants-data.");
                    break;
                default:
                    remaining.Add(args[i]);
                    break;
            }
        }

        return new HostSettings { DataDirectory = Path.GetFullPath(data), NoAuth = noAuth, InMemory = inMemory, Diagnostics = diagnostics, ShowHelp = help, Remaining = remaining };
    }

    /// <summary>The per-user data folder: <c>$XDG_DATA_HOME</c> or <c>~/.local/share</c> on Linux, <c>%LOCALAPPDATA%</c> on Windows.</summary>
    public static string DefaultDataDirectory() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "assistants-server");
}
