using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Assistants.Client.Tests;

namespace Assistants.Client.Benchmarks;

/// <summary>
/// <c>--alloc</c> figures for the calls that are not delta streams, against the in-memory
/// <see cref="GeneratedServer"/> the allocation tests use (the same bodies): GET run, list 1,000 messages (pages of
/// 100), a short streamed run (61 events); each beside a raw <see cref="HttpClient"/> + <see cref="Utf8JsonReader"/>
/// loop over the same answers. Bytes on this thread per call after warm-up (the server answers synchronously).
/// </summary>
public static class CallAllocations
{
    private const string ThreadUrl = "https://api.test/v1/threads/" + GeneratedBodies.ThreadId;

    public static async Task RunAsync()
    {
        using HttpClient http = GeneratedServer.CreateClient(out GeneratedServer server);
        using AssistantsApiClient client = new(http, new AssistantsClientOptions { BaseUrl = new Uri("https://api.test/v1/"), ApiKey = "sk-bench" });
        await Measure("GET run, Assistants.Client", 1, async () => (await client.Runs.GetAsync(GeneratedBodies.ThreadId, GeneratedBodies.RunId)).Tools!.Count);
        await Measure("GET run, raw", 1, () => RawCountAsync(http, ThreadUrl + "/runs/" + GeneratedBodies.RunId, "type"u8.ToArray()));
        await Measure("list messages, Assistants.Client", GeneratedServer.MessageCount, async () =>
        {
            int count = 0;
            await foreach (ThreadMessage message in client.Messages.ListAsync(GeneratedBodies.ThreadId, new MessageCollectionOptions { Limit = GeneratedServer.PageSize }))
            {
                count += message.Content!.Count;
            }

            return count;
        });
        await Measure("list messages, raw", GeneratedServer.MessageCount, async () =>
        {
            int count = 0;
            string url = ThreadUrl + "/messages?limit=100";
            for (int page = 0; page < GeneratedServer.MessageCount / GeneratedServer.PageSize; page++)
            {
                count += await RawCountAsync(http, page == 0 ? url : url + "&after=" + GeneratedBodies.MessageId((page * GeneratedServer.PageSize) - 1), "value"u8.ToArray());
            }

            return count;
        });
        await Measure("short run (61 events), Assistants.Client", 1, async () =>
        {
            int length = 0;
            await using RunStream stream = await client.Runs.CreateStreamingAsync(GeneratedBodies.ThreadId, GeneratedBodies.AssistantId);
            await foreach (StreamingUpdate update in stream)
            {
                length += (update as MessageDeltaUpdate)?.Text?.Length ?? 0;
            }

            return length;
        });
        Console.WriteLine($"(run body {server.RunBytes:N0} B, message page {server.PageBytes:N0} B)");
    }

    /// <summary>GETs <paramref name="url"/> and counts the string values of <paramref name="property"/> with a <see cref="Utf8JsonReader"/>.</summary>
    private static async Task<int> RawCountAsync(HttpClient http, string url, byte[] property)
    {
        using HttpResponseMessage response = await http.GetAsync(url);
        byte[] body = await response.Content.ReadAsByteArrayAsync();
        return Count(body, property);
    }

    private static int Count(byte[] body, byte[] property)
    {
        int count = 0;
        Utf8JsonReader reader = new(body);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(property))
            {
                reader.Read();
                count += reader.TokenType == JsonTokenType.String ? 1 : 0;
            }
        }

        return count;
    }

    private static async Task Measure(string name, int items, Func<Task<int>> call)
    {
        int expected = await call();
        for (int i = 0; i < 3; i++)
        {
            await call();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        Task<int> task = call();
        long after = GC.GetAllocatedBytesForCurrentThread();
        string sync = task.IsCompleted ? string.Empty : " (not synchronous: bytes on other threads missed)";
        Console.WriteLine($"{name,-42} {(after - before) / (double)items,10:N1} bytes/{(items == 1 ? "call" : "item")} ({await task} vs {expected}){sync}");
    }
}
