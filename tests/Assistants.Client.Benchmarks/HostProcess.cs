using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace Assistants.Client.Benchmarks;

/// <summary>
/// An Assistants.Server Host (a built <c>Assistants.Server.Host.dll</c>) run as a child process with <c>dotnet &lt;dll&gt;</c>
/// on 127.0.0.1 at a free port. Ready when its port accepts a connection. Its console output is drained and kept (the last lines) for errors.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _output = new();

    private HostProcess(Process process, int port, string name)
    {
        _process = process;
        Port = port;
        Name = name;
    }

    public string Name { get; }

    public int Port { get; }

    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/v1/");

    public Uri Root => new($"http://127.0.0.1:{Port}/");

    /// <summary>Gets the child's CPU time so far (user + kernel).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Gets the child's working set now.</summary>
    public long WorkingSet
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    /// <summary>Starts <c>dotnet <paramref name="dll"/> --urls http://127.0.0.1:PORT <paramref name="args"/></c> and waits until it listens.</summary>
    public static async Task<HostProcess> StartAsync(string name, string dll, IEnumerable<string> args, string? apiKey)
    {
        int port = FreePort();
        ProcessStartInfo start = new("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        if (apiKey is not null)
        {
            start.Environment["ASSISTANTS_SERVER_API_KEYS"] = apiKey;
        }

        // The same logging for every host: warnings only, so per-request log lines cost neither side anything.
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["OPENAI_API_KEY"] = "";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        Process process = Process.Start(start) ?? throw new InvalidOperationException($"could not start dotnet {dll}");
        HostProcess host = new(process, port, name);
        process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await host.WaitUntilListeningAsync();
        return host;
    }

    public string LastOutput()
    {
        lock (_output)
        {
            return string.Join(Environment.NewLine, _output);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using TcpListener listener = new(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            if (_output.Count > 40)
            {
                _output.Dequeue();
            }
        }
    }

    private async Task WaitUntilListeningAsync()
    {
        Stopwatch clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode}:{Environment.NewLine}{LastOutput()}");
            }

            try
            {
                using TcpClient probe = new();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"{Name} did not listen on {Port} within 90 s:{Environment.NewLine}{LastOutput()}");
    }
}
