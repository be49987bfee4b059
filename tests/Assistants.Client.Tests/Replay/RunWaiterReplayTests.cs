using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Assistants.Client.Tests.Replay;

/// <summary>
/// The recorded polling scenarios replayed through the run-waiter and the tool loop on a fake clock: the client's
/// requests follow the recording, and every wait between polls is the 1 s default (no poll header was recorded).
/// </summary>
[TestFixture]
[Category("Replay")]
public sealed class RunWaiterReplayTests
{
    private static readonly JsonElement s_dayOfWeekSchema = JsonDocument.Parse(
        """{"type":"object","properties":{"day_of_week":{"type":"string","description":"a day of the week, like Tuesday or Saturday"}}}""").RootElement.Clone();

    [TestCase("AssistantsTests/BasicRunOperationsWork")]
    [TestCase("AssistantsTests/BasicRunOperationsWorkAsync")]
    public async Task BasicRunOperations_WaitForRunAsync_FollowsTheRecording(string scenario)
    {
        List<RecordedEntry> entries = Recordings.Scenario(scenario).ToList();
        TimerRecordingTimeProvider time = new();
        using Wire wire = Setup(entries, time);

        Assistant assistant = await wire.Client.Assistants.CreateAsync("gpt-4o");
        AssistantThread thread = await wire.Client.Threads.CreateAsync();
        await wire.Client.Runs.ListAsync(thread.Id).ToListAsync();
        await wire.Client.Messages.CreateAsync(thread.Id, MessageRole.User, "Hello, assistant!");
        ThreadRun run = await wire.Client.Runs.CreateAsync(thread.Id, assistant.Id, new RunCreationOptions
        {
            AdditionalMessages = new List<ThreadInitializationMessage>(),
            Include = new List<string> { RunStepInclude.FileSearchResultContent },
        });
        await wire.Client.Runs.GetAsync(thread.Id, run.Id);
        await wire.Client.Runs.ListAsync(thread.Id).ToListAsync();
        await wire.Client.Messages.ListAsync(thread.Id).ToListAsync();
        Task<ThreadRun> wait = wire.Client.Runs.WaitForRunAsync(thread.Id, run.Id);
        List<TimeSpan> waits = await time.DriveAsync(wait);
        List<ThreadMessage> messages = await wire.Client.Messages.ListAsync(thread.Id).ToListAsync();

        int polls = entries.Count(e => e.Method == "GET" && e.Path == $"threads/{thread.Id}/runs/{run.Id}") - 1;
        AssertFollowed(wire, entries);
        Assert.Multiple(() =>
        {
            Assert.That(wait.Result.Status, Is.EqualTo(RunStatus.Completed));
            Assert.That(waits, Has.Count.EqualTo(polls - 1).And.All.EqualTo(TimeSpan.FromSeconds(1)));
            Assert.That(messages, Has.Count.EqualTo(2));
        });
    }

    [TestCase("AssistantsTests/FunctionToolsWork")]
    [TestCase("AssistantsTests/FunctionToolsWorkAsync")]
    public async Task FunctionTools_ToolLoop_FollowsTheRecordingAndEndsWithTheSameMessages(string scenario)
    {
        // The recording's client polled a requires_action run more than once; the tool loop answers the first one.
        List<RecordedEntry> entries = Recordings.Scenario(scenario).ToList();
        List<RecordedEntry> expected = entries.Where((e, i) => !(IsRequiresActionPoll(e) && i > 0 && IsRequiresActionPoll(entries[i - 1]))).ToList();
        TimerRecordingTimeProvider time = new(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using Wire wire = Setup(expected, time);
        List<string> days = new();
        FunctionToolRegistry tools = new FunctionToolRegistry().Add("get_favorite_food_for_day_of_week", arguments =>
        {
            using JsonDocument doc = JsonDocument.Parse(arguments);
            string day = doc.RootElement.GetProperty("day_of_week").GetString()!;
            lock (days)
            {
                days.Add(day);
            }

            return day == "Thursday" ? "tacos" : "pizza";
        });

        Assistant assistant = await wire.Client.Assistants.CreateAsync("gpt-4o", new AssistantCreationOptions
        {
            Tools = new List<ToolDefinition>
            {
                ToolDefinition.CreateFunction("get_favorite_food_for_day_of_week", "gets the user's favorite food for a given day of the week, like Tuesday", s_dayOfWeekSchema),
            },
        });
        Task<ThreadRun> loop = wire.Client.Runs.CreateThreadAndRunToolsAsync(assistant.Id, tools, new ThreadCreationOptions
        {
            Messages = new List<ThreadInitializationMessage> { new(MessageRole.User, "What should I eat on Thursday?") },
        });
        List<TimeSpan> waits = await time.DriveAsync(loop);
        ThreadRun run = loop.Result;
        List<ThreadMessage> messages = await wire.Client.Messages.ListAsync(run.ThreadId!, new MessageCollectionOptions { Order = ListOrder.Descending }).ToListAsync();

        AssertFollowed(wire, expected);
        Assert.Multiple(() =>
        {
            Assert.That(run.Status, Is.EqualTo(RunStatus.Completed));
            Assert.That(days, Is.EqualTo(new[] { "Thursday" }));
            Assert.That(waits, Has.All.EqualTo(TimeSpan.FromSeconds(1)));
            Assert.That(messages[0].Role, Is.EqualTo(MessageRole.Assistant));
            Assert.That(((MessageTextContent)messages[0].Content![0]).Text!.Value, Does.Contain("taco").IgnoreCase);
        });
    }

    private static bool IsRequiresActionPoll(RecordedEntry entry)
        => entry.Method == "GET" && entry.ResponseBody is { ValueKind: JsonValueKind.Object } body
            && body.TryGetProperty("status", out JsonElement status) && status.GetString() == "requires_action";

    private static Wire Setup(List<RecordedEntry> entries, TimerRecordingTimeProvider time)
    {
        Uri first = new(entries[0].Uri);
        Wire wire = new(o =>
        {
            o.BaseUrl = new Uri(first.GetLeftPart(UriPartial.Authority) + "/v1/");
            o.TimeProvider = time;
            o.Timeouts.ResponseHeaders = System.Threading.Timeout.InfiniteTimeSpan;
            o.Timeouts.Total = System.Threading.Timeout.InfiniteTimeSpan;
        });
        foreach (RecordedEntry entry in entries)
        {
            wire.Mock.Expect(new HttpMethod(entry.Method), entry.Uri)
                .Respond((HttpStatusCode)entry.StatusCode, new Dictionary<string, string> { ["x-request-id"] = "req_replay" }, "application/json", entry.ResponseBody?.GetRawText() ?? "{}");
        }

        return wire;
    }

    private static void AssertFollowed(Wire wire, List<RecordedEntry> entries)
    {
        Assert.That(wire.Requests.Select(r => r.Method + " " + r.Uri), Is.EqualTo(entries.Select(e => e.Method + " " + e.Uri)), "request sequence");
        for (int i = 0; i < entries.Count; i++)
        {
            JsonAssert.AreEquivalent(entries[i].RequestBody?.GetRawText() ?? "{}", string.IsNullOrEmpty(wire.Requests[i].Body) ? "{}" : wire.Requests[i].Body!, context: $"request {i}");
        }

        wire.Mock.VerifyNoOutstandingExpectation();
    }
}
