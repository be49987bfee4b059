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
    public static IEnumerable<TestCaseData> RecordingFiles()
        => Recordings.Files().Select(f => new TestCaseData(f).SetName("Replay " + System.IO.Path.GetFileNameWithoutExtension(f) + " (" + System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(f)) + ")"));

    [TestCaseSource(nameof(RecordingFiles))]
    public void RecordedResponses_RoundTripWithoutLoss(string file)
    {
        int replayed = 0;
        List<string> failures = new();
        foreach (RecordedEntry entry in Recordings.Load(file))
        {
            ReplayRoute? route = ReplayRoutes.Find(entry);
            if (route is null || entry.IsStream || entry.ResponseBody is null)
            {
                continue;
            }

            replayed++;
            string body = entry.ResponseBody.Value.GetRawText();
            if (entry.StatusCode >= 400)
            {
                CheckError(entry, body, failures);
                continue;
            }

            object? model = JsonSerializer.Deserialize(body, route.ResponseType);
            string written = JsonSerializer.Serialize(model, route.ResponseType);
            failures.AddRange(JsonAssert.Differences(body, written, nullEqualsAbsent: true).Select(d => $"{entry} ({route.Name}): {d}"));
        }

        TestContext.Out.WriteLine($"{replayed} entries replayed from {System.IO.Path.GetFileName(file)}");
        Assert.That(failures, Is.Empty, string.Join(Environment.NewLine, failures));
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
}
