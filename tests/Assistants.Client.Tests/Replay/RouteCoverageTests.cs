using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace Assistants.Client.Tests.Replay;

/// <summary>
/// Keeps <see cref="ReplayRoutes"/> and the recordings in step: every recorded entry is either replayed through a
/// route (<see cref="RecordedResponseReplayTests"/>) or is an event stream (replayed by the streaming tests, see
/// <c>StreamTestHelpers.RecordedStreams</c>), and every route is exercised by a recording or says why it is not.
/// </summary>
[TestFixture]
[Category("Replay")]
public sealed class RouteCoverageTests
{
    /// <summary>Routes no recording exercises, with the reason; their wire shape is pinned by the client's wire tests.</summary>
    private static readonly Dictionary<string, string> s_notInRecordings = new(StringComparer.Ordinal)
    {
        ["modify run"] = "the copied AssistantsTests sessions never modify a run",
        ["cancel run"] = "the copied AssistantsTests sessions never cancel a run",
        ["list files"] = "ListFiles*.json were not copied (400 KB each, no paging; see Recordings/SOURCE.md)",
        ["retrieve vector store"] = "the copied VectorStoresTests sessions never retrieve a vector store",
        ["modify vector store"] = "the copied VectorStoresTests sessions never modify a vector store",
        ["retrieve vector store file"] = "the copied VectorStoresTests sessions never retrieve a single vector store file",
        ["update vector store file attributes"] = "the copied VectorStoresTests sessions never update attributes",
        ["retrieve file batch"] = "the copied VectorStoresTests sessions list a batch's files but never GET the batch itself",
        ["cancel file batch"] = "the copied VectorStoresTests sessions never cancel a batch",
        ["search vector store"] = "no copied session searches a vector store",
        ["retrieve vector store file content"] = "no copied session reads a vector store file's parsed content",
    };

    private static readonly Regex s_idSegment = new("^(?:asst|thread|run|msg|step|call|file|vs|vsfb|fake)[_-]|[0-9]", RegexOptions.CultureInvariant);

    [Test]
    public void EveryRecordedEntry_HasARouteOrIsAStream()
    {
        Dictionary<string, int> replayed = ReplayRoutes.All.ToDictionary(r => r.Name, _ => 0, StringComparer.Ordinal);
        int streams = 0;
        int withoutBody = 0;
        SortedDictionary<string, int> unrouted = new(StringComparer.Ordinal);
        foreach (RecordedEntry entry in Recordings.All)
        {
            ReplayRoute? route = ReplayRoutes.Find(entry);
            if (entry.IsStream)
            {
                streams++;
            }
            else if (route is not null)
            {
                replayed[route.Name]++;
                withoutBody += entry.ResponseBody is null ? 1 : 0;
            }
            else
            {
                string key = entry.Method + " " + Pattern(entry.Path);
                unrouted[key] = unrouted.TryGetValue(key, out int n) ? n + 1 : 1;
            }
        }

        foreach (ReplayRoute route in ReplayRoutes.All)
        {
            TestContext.Out.WriteLine($"{replayed[route.Name],5}  {route.Method} {route.Path} ({route.Name})");
        }

        TestContext.Out.WriteLine($"{replayed.Values.Sum(),5}  entries matched by {replayed.Count(p => p.Value > 0)} of {ReplayRoutes.All.Count} routes ({withoutBody} of them without a response body, so not round-tripped); {streams} event streams (streaming tests); {unrouted.Values.Sum()} without a route");
        Assert.That(unrouted.Select(p => $"{p.Key} ({p.Value} entries)"), Is.Empty, "recorded (method, path) pairs with no replay route");
    }

    [Test]
    public void EveryRoute_IsRecordedOrExplainsWhyNot()
    {
        HashSet<string> hit = new(Recordings.All.Select(ReplayRoutes.Find).Where(r => r is not null).Select(r => r!.Name), StringComparer.Ordinal);

        List<string> silent = ReplayRoutes.All.Where(r => !hit.Contains(r.Name) && !s_notInRecordings.ContainsKey(r.Name)).Select(r => $"{r.Method} {r.Path} ({r.Name})").ToList();
        List<string> stale = s_notInRecordings.Keys.Where(name => hit.Contains(name) || ReplayRoutes.All.All(r => r.Name != name)).ToList();

        foreach (KeyValuePair<string, string> pair in s_notInRecordings)
        {
            TestContext.Out.WriteLine($"not in the recordings: {pair.Key}: {pair.Value}");
        }

        Assert.That(silent, Is.Empty, "routes no recording hits and that are not listed as not in the recordings");
        Assert.That(stale, Is.Empty, "listed as not in the recordings, but recorded now (or no longer a route)");
    }

    [TestCase("/v1/threads/thread_1/runs", "threads/thread_1/runs")]
    [TestCase("/api/v1/threads/thread_1/runs", "threads/thread_1/runs")]
    [TestCase("/api/projects/my-project/threads/thread_1/runs", "threads/thread_1/runs")]
    [TestCase("/agents/v1.0/subscriptions/s/resourceGroups/g/providers/Microsoft.MachineLearningServices/workspaces/w/threads/thread_1/runs", "threads/thread_1/runs")]
    [TestCase("/openai/threads/thread_1/runs", "threads/thread_1/runs")]
    [TestCase("/v1/workspaces/ws/aiassistant/openai/threads/thread_1/runs", "threads/thread_1/runs")]
    [TestCase("/threads/thread_1/runs", "threads/thread_1/runs")]
    [TestCase("/assistants", "assistants")]
    public void RecordedPath_RouteIsFoundWhateverThePrefix(string absolutePath, string route)
        => Assert.That(RecordedEntry.RouteOf(absolutePath), Is.EqualTo(route));

    [Test]
    public void RouteNames_AreUnique()
        => Assert.That(ReplayRoutes.All.Select(r => r.Name), Is.Unique);

    private static string Pattern(string path)
        => string.Join("/", path.Split('/').Select(s => s_idSegment.IsMatch(s) ? "{id}" : s));
}
