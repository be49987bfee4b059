using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace Assistants.Client.Benchmarks;

/// <summary>
/// The raw baseline for <c>--compare</c>: <see cref="HttpClient"/> + <see cref="SseParser"/> + <see cref="Utf8JsonReader"/>
/// for the streams (the fragment string only), <see cref="HttpClient"/> + <see cref="Utf8JsonReader"/> touching the
/// fields for the JSON calls. No object model at all.
/// </summary>
internal sealed class RawReaders(HttpClient http, Uri baseUrl)
{
    private static readonly byte[] CreateRun = Encoding.UTF8.GetBytes($$"""{"assistant_id":"{{WireData.AssistantId}}","stream":true}""");

    public async Task<(int, double)> TextAsync() => (await CountAsync("thread_text", "thread.message.delta", "value"u8.ToArray(), null), double.NaN);

    public async Task<(int, double)> CallAsync() => (await CountAsync("thread_call", "thread.run.step.delta", "arguments"u8.ToArray(), null), double.NaN);

    public async Task<(int, double)> ShortRunsAsync(int runs)
    {
        List<double> first = new(runs);
        int complete = 0;
        for (int r = 0; r < runs; r++)
        {
            complete += await CountAsync("thread_short", "thread.message.delta", "value"u8.ToArray(), first) == WireData.ShortRunDeltas ? 1 : 0;
        }

        return (complete, LoadMode.Median(first));
    }

    public async Task<(int, double)> GetRunAsync(int calls)
    {
        int ok = 0;
        Uri url = new(baseUrl, $"threads/{WireData.ThreadId}/runs/{WireData.RunId}");
        for (int i = 0; i < calls; i++)
        {
            byte[] body = await http.GetByteArrayAsync(url);
            ok += ReadRun(body) == WireData.RunId ? 1 : 0;
        }

        return (ok, double.NaN);
    }

    public async Task<(int, double)> ListMessagesAsync()
    {
        int messages = 0;
        string? after = null;
        bool more = true;
        while (more)
        {
            byte[] page = await http.GetByteArrayAsync(new Uri(baseUrl, $"threads/{WireData.ThreadId}/messages?limit={WireData.PageSize}" + (after is null ? "" : "&after=" + after)));
            (int count, after, more) = ReadPage(page);
            messages += count;
        }

        return (messages, double.NaN);
    }

    private async Task<int> CountAsync(string thread, string eventType, byte[] field, List<double>? firstDelta)
    {
        long start = Stopwatch.GetTimestamp();
        using HttpRequestMessage request = new(HttpMethod.Post, new Uri(baseUrl, $"threads/{thread}/runs")) { Content = new ByteArrayContent(CreateRun) };
        request.Content.Headers.ContentType = new("application/json");
        using HttpResponseMessage response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        using Stream body = await response.Content.ReadAsStreamAsync();
        int deltas = 0;
        await foreach (SseItem<string?> item in SseParser.Create(body, (type, data) => type == eventType ? ReadString(data, field) : null).EnumerateAsync())
        {
            if (item.Data is { Length: > 0 } && deltas++ == 0)
            {
                firstDelta?.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        return deltas;
    }

    private static string? ReadString(ReadOnlySpan<byte> data, byte[] field)
    {
        Utf8JsonReader reader = new(data);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(field) && reader.Read())
            {
                return reader.GetString();
            }
        }

        return null;
    }

    /// <summary>Reads every token of the run, keeping id, status and model; returns the id.</summary>
    private static string? ReadRun(byte[] body)
    {
        Utf8JsonReader reader = new(body);
        string? id = null;
        string? status = null;
        string? model = null;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
            {
                if (reader.ValueTextEquals("id"u8) && reader.Read())
                {
                    id = reader.GetString();
                }
                else if (reader.ValueTextEquals("status"u8) && reader.Read())
                {
                    status = reader.GetString();
                }
                else if (reader.ValueTextEquals("model"u8) && reader.Read())
                {
                    model = reader.GetString();
                }
            }
        }

        return status is null || model is null ? null : id;
    }

    /// <summary>Counts the messages (an <c>id</c> and a text <c>value</c> string each) and reads <c>last_id</c> and <c>has_more</c>.</summary>
    private static (int Count, string? LastId, bool HasMore) ReadPage(byte[] page)
    {
        Utf8JsonReader reader = new(page);
        int count = 0;
        string? lastId = null;
        bool more = false;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }

            if (reader.CurrentDepth == 3 && reader.ValueTextEquals("id"u8) && reader.Read())
            {
                count += reader.GetString() is null ? 0 : 1;
            }
            else if (reader.ValueTextEquals("value"u8) && reader.Read())
            {
                _ = reader.GetString();
            }
            else if (reader.CurrentDepth == 1 && reader.ValueTextEquals("last_id"u8) && reader.Read())
            {
                lastId = reader.GetString();
            }
            else if (reader.CurrentDepth == 1 && reader.ValueTextEquals("has_more"u8) && reader.Read())
            {
                more = reader.GetBoolean();
            }
        }

        return (count, lastId, more);
    }
}
