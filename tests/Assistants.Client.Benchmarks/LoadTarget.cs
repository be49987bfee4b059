using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Assistants.Client.Benchmarks;

/// <summary>
/// One <see cref="AssistantsApiClient"/> (over one <see cref="HttpClient"/> with a short pooled-connection idle
/// timeout) against one Host, and the streaming runs the load sends through it: create a thread with one user
/// message and a run, streamed, read to <c>thread.run.completed</c>. The scripted offline model answers each run
/// with a short text reply (a few word-sized deltas).
/// </summary>
internal sealed class LoadTarget : IDisposable
{
    private readonly HttpClient _http;
    private readonly AssistantsApiClient _client;
    private readonly string _assistantId;

    private LoadTarget(HostProcess host, HttpClient http, AssistantsApiClient client, string assistantId)
    {
        Host = host;
        _http = http;
        _client = client;
        _assistantId = assistantId;
    }

    public HostProcess Host { get; }

    public static async Task<LoadTarget> CreateAsync(HostProcess host, string? apiKey, TimeSpan idleTimeout)
    {
        HttpClient http = new(new SocketsHttpHandler { PooledConnectionIdleTimeout = idleTimeout }) { Timeout = Timeout.InfiniteTimeSpan };
        AssistantsApiClient client = new(http, new AssistantsClientOptions
        {
            Profile = ServerProfile.OpenAICompatible(host.BaseUrl),
            ApiKey = apiKey,
            Retry = new RetryOptions { MaxRetries = 0 },
        });
        Assistant assistant = await client.Assistants.CreateAsync("gpt-4o-mini", new AssistantCreationOptions { Name = "load", Instructions = "Answer briefly." });
        return new LoadTarget(host, http, client, assistant.Id);
    }

    /// <summary>Sends <paramref name="runs"/> streaming runs, at most <paramref name="concurrency"/> at a time.</summary>
    public async Task<LoadResult> RunAsync(int runs, int concurrency)
    {
        double[] latencies = new double[runs];
        int next = -1;
        int errors = 0;
        string? firstError = null;
        using Process self = Process.GetCurrentProcess();
        TimeSpan clientCpu = self.TotalProcessorTime;
        TimeSpan serverCpu = Host.CpuTime;
        Stopwatch clock = Stopwatch.StartNew();
        Task[] workers = new Task[Math.Min(concurrency, runs)];
        for (int w = 0; w < workers.Length; w++)
        {
            workers[w] = Task.Run(async () =>
            {
                for (int i = Interlocked.Increment(ref next); i < runs; i = Interlocked.Increment(ref next))
                {
                    long start = Stopwatch.GetTimestamp();
                    string? error = await OneRunAsync();
                    latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    if (error is not null)
                    {
                        Interlocked.Increment(ref errors);
                        Interlocked.CompareExchange(ref firstError, error, null);
                    }
                }
            });
        }

        await Task.WhenAll(workers);
        clock.Stop();
        self.Refresh();
        Array.Sort(latencies);
        return new LoadResult(Host.Name, runs, errors, clock.Elapsed, latencies, self.TotalProcessorTime - clientCpu, Host.CpuTime - serverCpu, firstError);
    }

    public void Dispose()
    {
        _client.Dispose();
        _http.Dispose();
    }

    private async Task<string?> OneRunAsync()
    {
        try
        {
            bool completed = false;
            int chars = 0;
            ThreadCreationOptions thread = new() { Messages = [new ThreadInitializationMessage(MessageRole.User, "Hello, how are you?")] };
            await using RunStream stream = await _client.Runs.CreateThreadAndRunStreamingAsync(_assistantId, thread);
            await foreach (StreamingUpdate update in stream)
            {
                if (update is MessageDeltaUpdate delta)
                {
                    chars += delta.Text?.Length ?? 0;
                }
                else if (update.EventType == StreamingEventType.RunCompleted)
                {
                    completed = true;
                }
            }

            return completed && chars > 0 ? null : $"run ended without completing ({chars} characters of text)";
        }
#pragma warning disable CA1031 // A load test counts every failure instead of stopping at the first.
        catch (Exception error)
#pragma warning restore CA1031
        {
            return error.GetType().Name + ": " + error.Message;
        }
    }
}
