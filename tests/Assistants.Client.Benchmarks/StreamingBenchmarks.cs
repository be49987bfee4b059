using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.IO;
using System.Net.Http;
using System.Net.ServerSentEvents;
using System.Text.Json;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using OpenAI.Assistants;

namespace Assistants.Client.Benchmarks;

/// <summary>
/// Reads the same long text stream (<see cref="StreamFixture.Deltas"/> <c>thread.message.delta</c> events) through
/// our typed run stream, the official OpenAI package's streaming, and a raw SseParser + Utf8JsonReader loop with no
/// object model. Every method goes through an <see cref="HttpClient"/> over the same in-memory handler. One
/// operation is one event, so MemoryDiagnoser's "Allocated" is bytes per event.
/// </summary>
[MemoryDiagnoser]
public class StreamingBenchmarks
{
    private HttpClient _http = null!;
    private AssistantsApiClient _ours = null!;
    private AssistantClient _official = null!;

    [GlobalSetup]
    public void Setup()
    {
        _http = new HttpClient(new StreamFixture.Handler());
        _ours = new AssistantsApiClient(_http, new AssistantsClientOptions { BaseUrl = new Uri("https://api.test/v1/"), ApiKey = "sk-bench" });
        _official = new AssistantClient(new ApiKeyCredential("sk-bench"), new AssistantClientOptions
        {
            Endpoint = new Uri("https://api.test/v1/"),
            Transport = new HttpClientPipelineTransport(_http),
            RetryPolicy = new ClientRetryPolicy(0),
        });
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = StreamFixture.Deltas)]
    public async Task<int> RawSseParserAndUtf8JsonReader()
    {
        using HttpRequestMessage request = new(HttpMethod.Post, "https://api.test/v1/threads/thread_abc/runs");
        using HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using Stream body = await response.Content.ReadAsStreamAsync();
        int chars = 0;
        await foreach (SseItem<string?> item in SseParser.Create(body, static (type, data) => type == "thread.message.delta" ? ReadValue(data) : null).EnumerateAsync())
        {
            chars += item.Data?.Length ?? 0;
        }

        return chars;
    }

    [Benchmark(OperationsPerInvoke = StreamFixture.Deltas)]
    public async Task<int> AssistantsClientRunStream()
    {
        int chars = 0;
        await using RunStream stream = await _ours.Runs.CreateStreamingAsync("thread_abc", "asst_abc");
        await foreach (Assistants.Client.StreamingUpdate update in stream)
        {
            if (update is MessageDeltaUpdate delta)
            {
                chars += delta.Text?.Length ?? 0;
            }
        }

        return chars;
    }

    [Benchmark(OperationsPerInvoke = StreamFixture.Deltas)]
    public async Task<int> OfficialOpenAIStreaming()
    {
        int chars = 0;
        await foreach (OpenAI.Assistants.StreamingUpdate update in await _official.CreateRunStreamingAsync("thread_abc", "asst_abc"))
        {
            if (update is MessageContentUpdate content)
            {
                chars += content.Text?.Length ?? 0;
            }
        }

        return chars;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _ours.Dispose();
        _http.Dispose();
    }

    internal static string? ReadValue(ReadOnlySpan<byte> data)
    {
        Utf8JsonReader reader = new(data);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("value"u8) && reader.Read())
            {
                return reader.GetString();
            }
        }

        return null;
    }
}
