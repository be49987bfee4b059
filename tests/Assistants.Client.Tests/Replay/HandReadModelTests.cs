using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Assistants.Client.Serialization;
using Assistants.Client.Tests.Streaming;
using NUnit.Framework;

namespace Assistants.Client.Tests.Replay;

/// <summary>
/// <see cref="ThreadRun"/> and <see cref="ThreadMessage"/> are read by hand (docs/PERFORMANCE.md). On every run and
/// message object of every recorded entry (response bodies, list pages, stream events) the hand reader must build the
/// same object the source-generated path builds (compared by writing both with the generated writer, which puts every
/// property and every kept unknown property on the wire, and absent ones not at all), and streams must give the same
/// objects whole, byte by byte and in random splits.
/// </summary>
[TestFixture]
[Category("Replay")]
public sealed class HandReadModelTests
{
    [Test]
    public void EveryRecordedRunAndMessage_ReadsByHandToTheSameObject()
    {
        int runs = 0;
        int messages = 0;
        List<string> failures = new();
        foreach ((string where, string kind, string json) in RecordedObjects())
        {
            string? difference = kind == "thread.run"
                ? Compare(json, new ThreadRunConverter(), FallbackJson.ThreadRun)
                : Compare(json, new ThreadMessageConverter(), FallbackJson.ThreadMessage);
            _ = kind == "thread.run" ? runs++ : messages++;
            if (difference is not null)
            {
                failures.Add($"{where}: {difference}");
            }
        }

        TestContext.Out.WriteLine($"{runs} run objects, {messages} message objects compared");
        Assert.That(runs, Is.GreaterThan(50));
        Assert.That(messages, Is.GreaterThan(20));
        Assert.That(failures, Is.Empty, string.Join(Environment.NewLine, failures));
    }

    [Test]
    public async Task RecordedStreams_WholeByteByByteAndRandomSplits_GiveTheSameObjectsAsTheGeneratedPath()
    {
        int compared = 0;
        foreach (RecordedEntry entry in StreamTestHelpers.RecordedStreams())
        {
            byte[] bytes = Encoding.UTF8.GetBytes(entry.StreamText);
            List<string> expected = Expected(entry.StreamText);
            Assert.That(Written(await StreamTestHelpers.ReadAllAsync(ChunkedStream.Whole(bytes))), Is.EqualTo(expected), $"{entry} whole");
            Assert.That(Written(await StreamTestHelpers.ReadAllAsync(ChunkedStream.ByteAtATime(bytes))), Is.EqualTo(expected), $"{entry} byte by byte");
            for (int seed = 1; seed <= 3; seed++)
            {
                Assert.That(Written(await StreamTestHelpers.ReadAllAsync(ChunkedStream.RandomSplits(bytes, seed))), Is.EqualTo(expected), $"{entry} seed {seed}");
            }

            compared += expected.Count;
        }

        TestContext.Out.WriteLine($"{compared} streamed run, step and message objects compared");
        Assert.That(compared, Is.GreaterThan(50));
    }

    [TestCase("{\"id\":\"run_1\",\"status\":\"queued\",\"status\":\"completed\"}", TestName = "RepeatedProperty")]
    [TestCase("{\"id\":\"run_1\",\"extra\":1,\"extra\":2}", TestName = "RepeatedUnknownProperty")]
    [TestCase("{\"id\":\"run_1\",\"metadata\":{\"a\":\"1\",\"a\":\"2\"}}", TestName = "RepeatedMetadataKey")]
    public void UnusualRun_GoesToTheGeneratedPathWithTheSameResult(string json)
    {
        Assert.That(Compare(json, new ThreadRunConverter(), FallbackJson.ThreadRun, expectHand: false), Is.Null);
    }

    [TestCase("{\"id\":\"run_1\",\"usage\":{\"prompt_tokens\":1,\"prompt_token_details\":{\"cached_tokens\":0}}}", TestName = "UsageWithDetails")]
    [TestCase("{\"id\":\"run_1\",\"usage\":{\"total_tokens\":null},\"metadata\":{\"a\":\"b\"},\"status\":\"vendor_status\",\"temperature\":null}", TestName = "NullsAndUnknownValues")]
    [TestCase("{\"\\u0069d\":\"run_1\",\"Model\":\"x\"}", TestName = "EscapedAndOtherCaseNames")]
    public void RunWithNestedOrUnknownValues_ReadsByHandToTheSameObject(string json)
    {
        Assert.That(Compare(json, new ThreadRunConverter(), FallbackJson.ThreadRun), Is.Null);
    }

    [TestCase("{\"id\":\"run_1\",\"created_at\":\"soon\"}")]
    [TestCase("{\"id\":\"run_1\",\"created_at\":1.5}")]
    [TestCase("{\"id\":\"run_1\",\"metadata\":{\"a\":1}}")]
    [TestCase("{\"id\":\"run_1\",\"temperature\":\"hot\"}")]
    [TestCase("{\"id\":\"run_1\",\"tools\":{}}")]
    [TestCase("{\"id\":1}")]
    public void InvalidRun_FailsAsBefore(string json)
    {
        JsonException? before = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, FallbackJson.ThreadRun));
        JsonException? now = Assert.Throws<JsonException>(() => AssistantsJson.Deserialize<ThreadRun>(json));
        Assert.That(now!.Message, Is.EqualTo(before!.Message));
    }

    [Test]
    public void EmptyMetadataAndAttachments_AreSharedAndWriteBackAsSent()
    {
        const string Json = "{\"id\":\"msg_1\",\"attachments\":[],\"metadata\":{}}";
        ThreadMessage first = AssistantsJson.Deserialize<ThreadMessage>(Json)!;
        ThreadMessage second = AssistantsJson.Deserialize<ThreadMessage>(Json)!;

        Assert.That(first.Metadata, Is.Empty);
        Assert.That(first.Attachments, Is.Empty);
        Assert.That(second.Metadata, Is.SameAs(first.Metadata));
        Assert.That(second.Attachments, Is.SameAs(first.Attachments));
        Assert.That(AssistantsJson.Serialize(first), Is.EqualTo(Json));
    }

    /// <summary>What the source-generated path gives for every run, step and message event of a stream, written back.</summary>
    private static List<string> Expected(string text)
    {
        List<string> result = new();
        foreach ((string name, string data) in StreamedMessageReplayTests.Events(text))
        {
            if (name.StartsWith("thread.run.step.", StringComparison.Ordinal) && name != "thread.run.step.delta")
            {
                result.Add(JsonSerializer.Serialize(JsonSerializer.Deserialize(data, AssistantsJsonContext.Default.RunStep)!, AssistantsJsonContext.Default.RunStep));
            }
            else if (name.StartsWith("thread.message.", StringComparison.Ordinal) && name != "thread.message.delta")
            {
                result.Add(JsonSerializer.Serialize(JsonSerializer.Deserialize(data, FallbackJson.ThreadMessage)!, FallbackJson.ThreadMessage));
            }
            else if (name.StartsWith("thread.run.", StringComparison.Ordinal) && name != "thread.run.step.delta")
            {
                result.Add(JsonSerializer.Serialize(JsonSerializer.Deserialize(data, FallbackJson.ThreadRun)!, FallbackJson.ThreadRun));
            }
        }

        return result;
    }

    private static List<string> Written(List<StreamingUpdate> updates)
        => updates.Select(u => u switch
        {
            RunStepUpdate s => JsonSerializer.Serialize(s.RunStep, AssistantsJsonContext.Default.RunStep),
            MessageUpdate m => JsonSerializer.Serialize(m.Message, FallbackJson.ThreadMessage),
            RunUpdate r when !r.IsRetrieved => JsonSerializer.Serialize(r.Run, FallbackJson.ThreadRun),
            _ => null,
        }).OfType<string>().ToList();

    /// <summary>The difference between the hand reader's and the generated path's object, or <c>null</c> when they are the same.</summary>
    private static string? Compare<T>(string json, HandReadConverter<T> converter, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> fallback, bool expectHand = true)
        where T : JsonModel
    {
        T expected = JsonSerializer.Deserialize(json, fallback)!;
        byte[] utf8 = Encoding.UTF8.GetBytes(json);
        Utf8JsonReader reader = new(utf8);
        reader.Read();
        T? byHand = converter.ReadByHand(ref reader, AssistantsJsonContext.Default.Options);
        if (byHand is null != !expectHand)
        {
            return expectHand ? "the hand reader gave up" : "the hand reader read an unusual object";
        }

        T actual = (T)JsonSerializer.Deserialize(utf8, AssistantsJsonContext.Default.Options.GetTypeInfo(typeof(T)))!;
        string before = JsonSerializer.Serialize(expected, fallback);
        string now = JsonSerializer.Serialize(actual, fallback);
        string? hand = byHand is null ? null : JsonSerializer.Serialize(byHand, fallback);
        return before != now ? $"{now} != {before}"
            : hand is not null && hand != before ? $"{hand} != {before}"
            : null;
    }

    /// <summary>Every JSON object with "object": "thread.run" or "thread.message" in every recorded body and stream.</summary>
    private static IEnumerable<(string Where, string Kind, string Json)> RecordedObjects()
    {
        foreach (RecordedEntry entry in Recordings.All)
        {
            if (entry.IsStream)
            {
                foreach ((string name, string data) in StreamedMessageReplayTests.Events(entry.StreamText))
                {
                    if (name.StartsWith("thread.", StringComparison.Ordinal) && data.StartsWith("{", StringComparison.Ordinal))
                    {
                        using JsonDocument document = JsonDocument.Parse(data);
                        foreach ((string kind, string json) in Objects(document.RootElement))
                        {
                            yield return ($"{entry} {name}", kind, json);
                        }
                    }
                }
            }
            else if (entry.ResponseBody is { } body)
            {
                foreach ((string kind, string json) in Objects(body))
                {
                    yield return (entry.ToString(), kind, json);
                }
            }
        }
    }

    private static IEnumerable<(string Kind, string Json)> Objects(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("object", out JsonElement kind) && kind.GetString() is "thread.run" or "thread.message")
            {
                yield return (kind.GetString()!, element.GetRawText());
            }

            foreach (JsonProperty property in element.EnumerateObject())
            {
                foreach ((string Kind, string Json) inner in Objects(property.Value))
                {
                    yield return inner;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in element.EnumerateArray())
            {
                foreach ((string Kind, string Json) inner in Objects(item))
                {
                    yield return inner;
                }
            }
        }
    }
}
