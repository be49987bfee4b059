using System;
using System.IO;
using System.Net.Http;
using System.Net.ServerSentEvents;
using System.Text.Json;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace Assistants.Client.Benchmarks;

/// <summary>
/// Reads the function-call stream (<see cref="FunctionCallFixture"/>, a 70,000-character argument in 1-6 character
/// fragments) through our typed run stream, through an <see cref="AssistantEventHandler"/> that reads the fragments
/// in its delta callback (as the Python tutorial does), and through a raw SseParser + Utf8JsonReader loop. One
/// operation is one argument delta event, so "Allocated" is bytes per event.
/// </summary>
[MemoryDiagnoser]
public class FunctionCallBenchmarks
{
    private HttpClient _http = null!;
    private AssistantsApiClient _ours = null!;

    [GlobalSetup]
    public void Setup()
    {
        _http = new HttpClient(new FunctionCallFixture.Handler());
        _ours = new AssistantsApiClient(_http, new AssistantsClientOptions { BaseUrl = new Uri("https://api.test/v1/"), ApiKey = "sk-bench" });
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = FunctionCallFixture.Deltas)]
    public async Task<int> RawFunctionCallLoop()
    {
        using HttpRequestMessage request = new(HttpMethod.Post, "https://api.test/v1/threads/thread_abc/runs");
        using HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using Stream body = await response.Content.ReadAsStreamAsync();
        int chars = 0;
        await foreach (SseItem<string?> item in SseParser.Create(body, static (type, data) => type == "thread.run.step.delta" ? ReadArguments(data) : null).EnumerateAsync())
        {
            chars += item.Data?.Length ?? 0;
        }

        return chars;
    }

    [Benchmark(OperationsPerInvoke = FunctionCallFixture.Deltas)]
    public async Task<int> FunctionCallTypedStream()
    {
        int chars = 0;
        await using RunStream stream = await _ours.Runs.CreateStreamingAsync("thread_abc", "asst_abc");
        await foreach (StreamingUpdate update in stream)
        {
            chars += (update as RunStepDeltaUpdate)?.FunctionArguments?.Length ?? 0;
        }

        return chars;
    }

    [Benchmark(OperationsPerInvoke = FunctionCallFixture.Deltas)]
    public async Task<int> FunctionCallThroughHandler()
    {
        ArgumentHandler handler = new();
        await handler.ConsumeAsync(await _ours.Runs.CreateStreamingAsync("thread_abc", "asst_abc"));
        return handler.Chars;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _ours.Dispose();
        _http.Dispose();
    }

    private static string? ReadArguments(ReadOnlySpan<byte> data)
    {
        Utf8JsonReader reader = new(data);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("arguments"u8) && reader.Read())
            {
                return reader.GetString();
            }
        }

        return null;
    }

    private sealed class ArgumentHandler : AssistantEventHandler
    {
        public int Chars { get; private set; }

        protected override void OnToolCallDelta(RunStepToolCallDelta delta, RunStepToolCallSnapshot snapshot)
            => Chars += (delta as RunStepFunctionToolCallDelta)?.Function?.Arguments?.Length ?? 0;
    }
}
