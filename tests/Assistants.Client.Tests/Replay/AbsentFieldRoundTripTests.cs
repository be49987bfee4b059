using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text;
using NUnit.Framework;

namespace Assistants.Client.Tests.Replay;

/// <summary>
/// A field the server left out stays out when the model is written again. Every recorded response body (single
/// objects, each item of a list, and each run, step, message and delta payload of a recorded stream) is read with one
/// field removed, written back with <see cref="AssistantsJson"/> (the way a user stores or forwards a model), and
/// must equal the body minus that field: nothing invented (no <c>""</c>, <c>0</c>, <c>false</c>, <c>[]</c> or
/// <c>{}</c>, and not even <c>null</c>) and nothing else lost. Nulls the server sent may come back absent (the
/// library omits nulls when it writes); the removed field itself must be absent.
/// </summary>
[TestFixture]
[Category("Replay")]
public sealed class AbsentFieldRoundTripTests
{
    /// <summary>Nested objects whose every field is removed in turn: the counters a caller reads to decide.</summary>
    private static readonly string[][] s_nestedObjects =
    [
        ["file_counts"],
        ["usage"],
        ["usage", "prompt_token_details"],
        ["usage", "completion_tokens_details"],
    ];

    private static readonly Dictionary<Type, Func<string, string>> s_publicRoundTrip = new()
    {
        [typeof(Assistant)] = RoundTrip<Assistant>,
        [typeof(AssistantThread)] = RoundTrip<AssistantThread>,
        [typeof(ThreadMessage)] = RoundTrip<ThreadMessage>,
        [typeof(ThreadRun)] = RoundTrip<ThreadRun>,
        [typeof(RunStep)] = RoundTrip<RunStep>,
        [typeof(StoredFile)] = RoundTrip<StoredFile>,
        [typeof(VectorStore)] = RoundTrip<VectorStore>,
        [typeof(VectorStoreFile)] = RoundTrip<VectorStoreFile>,
        [typeof(VectorStoreFileBatch)] = RoundTrip<VectorStoreFileBatch>,
        [typeof(VectorStoreSearchResults)] = RoundTrip<VectorStoreSearchResults>,
        [typeof(VectorStoreFileContent)] = RoundTrip<VectorStoreFileContent>,
        [typeof(DeletionResult)] = RoundTrip<DeletionResult>,
        [typeof(MessageDelta)] = RoundTrip<MessageDelta>,
        [typeof(RunStepDelta)] = RoundTrip<RunStepDelta>,
    };

    [Test]
    public void EveryRecordedBody_WithEachTopLevelFieldRemoved_IsWrittenBackWithoutIt()
    {
        Counts counts = new();
        foreach (Body body in Bodies())
        {
            foreach (JsonProperty property in body.Element.EnumerateObject())
            {
                Check(body, [property.Name], counts);
            }
        }

        Report("top-level", counts);
    }

    [Test]
    public void EveryRecordedCountObject_WithEachFieldRemoved_IsWrittenBackWithoutIt()
    {
        Counts counts = new();
        foreach (Body body in Bodies())
        {
            foreach (string[] path in s_nestedObjects)
            {
                if (Navigate(body.Element, path) is { ValueKind: JsonValueKind.Object } nested)
                {
                    foreach (JsonProperty property in nested.EnumerateObject())
                    {
                        Check(body, [.. path, property.Name], counts);
                    }
                }
            }
        }

        Report("nested (file_counts.*, usage.*)", counts);
        Assert.That(counts.Paths.Count(b => b.Contains("file_counts", StringComparison.Ordinal)), Is.GreaterThan(0), "no recorded body with file_counts was exercised");
        Assert.That(counts.Paths.Count(b => b.Contains("usage", StringComparison.Ordinal)), Is.GreaterThan(0), "no recorded body with usage was exercised");
    }

    [Test]
    public void VectorStore_WithoutStatusAndInProgress_ReadsNullAndWritesNeither()
    {
        const string Json = """{"id":"vs_1","object":"vector_store","created_at":1700000000,"name":"docs","file_counts":{"completed":2,"failed":0,"cancelled":0,"total":2},"metadata":{}}""";

        VectorStore store = AssistantsJson.Deserialize<VectorStore>(Json)!;
        string written = AssistantsJson.Serialize(store);

        Assert.That(store.Status, Is.Null);
        Assert.That(store.FileCounts!.InProgress, Is.Null);
        Assert.That(store.FileCounts.Failed, Is.Zero);
        JsonAssert.AreEquivalent(Json, written);
    }

    [Test]
    public void Models_WithoutIdOrCreatedAt_DoNotWriteEmptyOrZero()
    {
        const string Json = """{"object":"thread.run","status":"queued"}""";

        ThreadRun run = AssistantsJson.Deserialize<ThreadRun>(Json)!;

        Assert.That(run.Id, Is.Empty, "the public Id stays a non-null string");
        Assert.That(run.CreatedAt, Is.Null);
        JsonAssert.AreEquivalent(Json, AssistantsJson.Serialize(run));
        JsonAssert.AreEquivalent("""{"id":"run_2","status":"completed"}""", AssistantsJson.Serialize(new ThreadRun { Id = "run_2", Status = RunStatus.Completed }));
    }

    private static void Check(Body body, string[] path, Counts counts)
    {
        string expected = Without(body.Element, path);
        string where = $"{body.Source} without {string.Join(".", path)}";
        counts.Cases++;
        counts.Paths.Add(body.Source + " " + string.Join(".", path));

        string written;
        try
        {
            written = body.RoundTrip(expected);
        }
        catch (JsonException ex)
        {
            counts.Failures.Add($"{where}: {ex.Message}");
            return;
        }

        List<string> differences = JsonAssert.Differences(expected, written, nullEqualsAbsent: true);
        using (JsonDocument document = JsonDocument.Parse(written))
        {
            if (Navigate(document.RootElement, path) is { } invented)
            {
                differences.Add($"$.{string.Join(".", path)}: removed, but written back as {invented.GetRawText()}");
            }
        }

        counts.Failures.AddRange(differences.Select(d => $"{where}: {d}"));
    }

    private static IEnumerable<Body> Bodies()
    {
        foreach (RecordedEntry entry in Recordings.All)
        {
            if (entry.IsStream)
            {
                foreach (Body body in StreamBodies(entry))
                {
                    yield return body;
                }

                continue;
            }

            ReplayRoute? route = ReplayRoutes.Find(entry);
            if (route is null || entry.StatusCode >= 400 || entry.ResponseBody is not { ValueKind: JsonValueKind.Object } response)
            {
                continue;
            }

            JsonElement json = response;
            Type type = route.ResponseType.Type;
            if (s_publicRoundTrip.TryGetValue(type, out Func<string, string>? roundTrip))
            {
                yield return new Body(entry.ToString(), json, roundTrip);
            }
            else if (type.IsGenericType && s_publicRoundTrip.TryGetValue(type.GetGenericArguments()[0], out Func<string, string>? item))
            {
                // The list envelope is the library's own plumbing (callers see Page<T>); its items are the public models.
                yield return new Body(entry.ToString(), json, j => JsonSerializer.Serialize(JsonSerializer.Deserialize(j, route.ResponseType), route.ResponseType));
                int index = 0;
                if (json.TryGetProperty("data", out JsonElement data) && data.ValueKind == JsonValueKind.Array)
                {
                    foreach (JsonElement element in data.EnumerateArray())
                    {
                        yield return new Body($"{entry} data[{index++}]", element, item);
                    }
                }
            }
        }
    }

    private static IEnumerable<Body> StreamBodies(RecordedEntry entry)
    {
        string? name = null;
        int index = 0;
        foreach (string line in entry.StreamText.Split('\n'))
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: {", StringComparison.Ordinal) && name is not null && ModelOfEvent(name) is { } type)
            {
                yield return new Body($"{entry} event {index++} {name}", JsonElement.Parse(line["data: ".Length..]), s_publicRoundTrip[type]);
            }
        }
    }

    private static Type? ModelOfEvent(string name)
        => name == "thread.created" ? typeof(AssistantThread)
        : name == "thread.message.delta" ? typeof(MessageDelta)
        : name.StartsWith("thread.message.", StringComparison.Ordinal) ? typeof(ThreadMessage)
        : name == "thread.run.step.delta" ? typeof(RunStepDelta)
        : name.StartsWith("thread.run.step.", StringComparison.Ordinal) ? typeof(RunStep)
        : name.StartsWith("thread.run.", StringComparison.Ordinal) ? typeof(ThreadRun)
        : null;

    private static JsonElement? Navigate(JsonElement root, IEnumerable<string> path)
    {
        JsonElement? node = root;
        foreach (string step in path)
        {
            node = node is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(step, out JsonElement next) ? next : null;
        }

        return node;
    }

    /// <summary>The object's JSON with the property at <paramref name="path"/> left out.</summary>
    private static string Without(JsonElement root, string[] path)
    {
        ArrayBufferWriter<byte> buffer = new();
        using (Utf8JsonWriter writer = new(buffer))
        {
            WriteWithout(writer, root, path, 0);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteWithout(Utf8JsonWriter writer, JsonElement element, string[] path, int depth)
    {
        writer.WriteStartObject();
        foreach (JsonProperty property in element.EnumerateObject())
        {
            if (property.NameEquals(path[depth]))
            {
                if (depth == path.Length - 1)
                {
                    continue;
                }

                writer.WritePropertyName(property.Name);
                WriteWithout(writer, property.Value, path, depth + 1);
                continue;
            }

            property.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    private static string RoundTrip<T>(string json)
        where T : JsonModel
        => AssistantsJson.Serialize(AssistantsJson.Deserialize<T>(json)!);

    private static void Report(string kind, Counts counts)
    {
        TestContext.Out.WriteLine($"{counts.Cases} (body, removed {kind} field) cases, {counts.Cases - counts.Failures.Select(f => f[..f.IndexOf(": ", StringComparison.Ordinal)]).Distinct().Count()} passed");
        Assert.That(counts.Cases, Is.GreaterThan(0));
        Assert.That(counts.Failures, Is.Empty, string.Join(Environment.NewLine, counts.Failures.Take(50)));
    }

    private sealed record Body(string Source, JsonElement Element, Func<string, string> RoundTrip);

    private sealed class Counts
    {
        public int Cases { get; set; }

        public List<string> Failures { get; } = new();

        public List<string> Paths { get; } = new();
    }
}
