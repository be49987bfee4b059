using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using Assistants.Client.Internal;
using NUnit.Framework;

namespace Assistants.Client.Tests.Replay;

/// <summary>
/// Every recorded response whose route the library knows deserializes into its model and serializes back with
/// no information lost (JSON values compared; a <c>null</c> may come back absent, since requests and models omit
/// nulls). Every recorded error response parses into the exception with the server's message and code.
/// </summary>
[TestFixture]
[Category("Replay")]
public sealed class RecordedResponseReplayTests
{
    private static readonly HashSet<string> s_assistantsFamily = new(StringComparer.Ordinal) { "assistants", "threads", "files", "vector_stores" };

    public static IEnumerable<TestCaseData> RecordingFiles()
        => Recordings.Files().Select(f => new TestCaseData(f).SetName("Replay " + Recordings.RelativePath(f)));

    [TestCaseSource(nameof(RecordingFiles))]
    public void RecordedResponses_RoundTripWithoutLoss(string file)
    {
        FileReplay result = Replay(Recordings.Load(file));

        TestContext.Out.WriteLine($"{result.Replayed} entries replayed from {Recordings.RelativePath(file)}; {result.Streams} event streams (streaming tests); skipped: {string.Join(", ", result.Skipped)}");
        Assert.That(result.Failures, Is.Empty, string.Join(Environment.NewLine, result.Failures));
    }

    [Test]
    public void FileWhoseAssistantsEntriesAreAllSkipped_Fails()
    {
        // Routes no replay route knows (as a recording of a newer protocol or an unrecognised prefix would give).
        RecordedEntry entry = new("x.json", "x.json", 0, "GET", "https://example.test/v1/threads/thread_1/reticulate", new Dictionary<string, string>(), null, 200, new Dictionary<string, string>(), JsonDocument.Parse("{}").RootElement);

        FileReplay result = Replay([entry, entry with { Index = 1, Method = "POST", Uri = "https://example.test/api/projects/p/assistants/asst_1/reticulate" }]);

        Assert.That(result.Replayed, Is.Zero);
        Assert.That(result.Failures, Has.Some.Contains("all 2 Assistants-family entries were skipped"));
    }

    [Test]
    public void FoundryRecordings_ReplayAsRecordedUnderTheProjectPrefix()
    {
        List<RecordedEntry> foundry = Recordings.All.Where(e => e.RelativePath.StartsWith("foundry/", StringComparison.Ordinal)).ToList();
        FileReplay result = Replay(foundry);

        TestContext.Out.WriteLine($"Foundry: {foundry.Count} entries, {result.Replayed} replayed through a route, {result.Streams} event stream(s) replayed by the streaming tests");
        Assert.That(foundry.Select(e => new Uri(e.Uri).AbsolutePath), Has.All.StartWith("/api/projects/"), "the recorded URIs, not the re-rooted ones");
        Assert.That(result.Failures, Is.Empty, string.Join(Environment.NewLine, result.Failures));
        Assert.That(result.Skipped, Is.Empty);
        Assert.That((result.Replayed, result.Streams), Is.EqualTo((30, 1)));
    }

    private static FileReplay Replay(IReadOnlyList<RecordedEntry> entries)
    {
        FileReplay result = new();
        int family = 0;
        foreach (RecordedEntry entry in entries)
        {
            ReplayRoute? route = ReplayRoutes.Find(entry);
            family += s_assistantsFamily.Contains(entry.Path.Split('/')[0]) ? 1 : 0;
            if (entry.IsStream)
            {
                result.Streams++;
                continue;
            }

            if (route is null || entry.ResponseBody is null)
            {
                result.Skipped.Add($"{entry} ({(route is null ? "no route" : "no body")})");
                continue;
            }

            result.Replayed++;
            string body = entry.ResponseBody.Value.GetRawText();
            if (entry.StatusCode >= 400)
            {
                CheckError(entry, body, result.Failures);
                continue;
            }

            object? model = JsonSerializer.Deserialize(body, route.ResponseType);
            string written = JsonSerializer.Serialize(model, route.ResponseType);
            result.Failures.AddRange(JsonAssert.Differences(body, written, nullEqualsAbsent: true).Select(d => $"{entry} ({route.Name}): {d}"));
        }

        if (family > 0 && result.Replayed == 0 && result.Streams == 0)
        {
            result.Failures.Add($"all {family} Assistants-family entries were skipped, none replayed: {string.Join("; ", result.Skipped)}");
        }

        return result;
    }

    private static void CheckError(RecordedEntry entry, string body, List<string> failures)
    {
        using JsonDocument document = JsonDocument.Parse(body);
        JsonElement error = document.RootElement.TryGetProperty("error", out JsonElement inner) ? inner : document.RootElement;
        ResponseInfo info = new((HttpStatusCode)entry.StatusCode, entry.ResponseHeaders);
        AssistantsApiException exception = ApiErrorFactory.Create(info, Encoding.UTF8.GetBytes(body), entry.Method, "/" + entry.Path, new SecretRedactor(new AssistantsClientOptions()));
        string? message = error.TryGetProperty("message", out JsonElement m) ? m.GetString() : null;
        if (exception.Error?.Message != message || exception.Status != entry.StatusCode)
        {
            failures.Add($"{entry}: error parsed as '{exception.Error?.Message}' ({exception.StatusCode}), expected '{message}'");
        }
    }

    private sealed class FileReplay
    {
        public int Replayed { get; set; }

        public int Streams { get; set; }

        public List<string> Skipped { get; } = new();

        public List<string> Failures { get; } = new();
    }
}
