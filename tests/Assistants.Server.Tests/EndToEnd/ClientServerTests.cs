using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Assistants.Client;
using Assistants.Server.Model;
using NUnit.Framework;

namespace Assistants.Server.Tests.EndToEnd;

/// <summary>Our client against our server: the run lifecycle helpers, streaming and pagination end to end.</summary>
[TestFixture]
public sealed class ClientServerTests
{
    private static ScriptedTurn TwoWeatherCalls()
        => ScriptedTurn.CallFunctions(
            new KeyValuePair<string, string>(EndToEndApi.WeatherFunction, """{"city":"Oslo"}"""),
            new KeyValuePair<string, string>(EndToEndApi.WeatherFunction, """{"city":"Rome"}"""));

    private static FunctionToolRegistry WeatherTools() => new FunctionToolRegistry()
        .Add(EndToEndApi.WeatherFunction, arguments => arguments.Contains("Oslo", StringComparison.Ordinal) ? "cold and rainy" : "warm and sunny");

    [Test]
    public async Task ToolLoop_PollingAndStreaming_EndWithTheSameMessages()
    {
        await using EndToEndApi api = new();
        string assistantId = await api.CreateAssistantAsync(withWeatherTool: true);

        string pollingThread = await api.CreateThreadAsync();
        api.Model.Enqueue(TwoWeatherCalls());
        ThreadRun polled = await api.Client.Runs.CreateAndRunToolsAsync(pollingThread, assistantId, WeatherTools(), pollingOptions: api.Polling);

        string streamingThread = await api.CreateThreadAsync();
        api.Model.Enqueue(TwoWeatherCalls());
        TextRecordingHandler handler = new();
        ThreadRun streamed = await api.Client.Runs.CreateAndStreamToolsAsync(streamingThread, assistantId, WeatherTools(), handler, pollingOptions: api.Polling);

        List<string> polledTexts = await api.ListTextsAsync(pollingThread);
        List<string> streamedTexts = await api.ListTextsAsync(streamingThread);
        Assert.Multiple(() =>
        {
            Assert.That(polled.Status, Is.EqualTo(RunStatus.Completed));
            Assert.That(streamed.Status, Is.EqualTo(RunStatus.Completed));
            Assert.That(streamedTexts, Is.EqualTo(polledTexts));
            Assert.That(polledTexts, Has.Count.EqualTo(2));
            Assert.That(polledTexts[1], Is.EqualTo("assistant: " + ScriptedChatClient.DefaultReplyPrefix + " The tools returned: cold and rainy; warm and sunny"));
            Assert.That("assistant: " + handler.Text, Is.EqualTo(streamedTexts[1]), "the streamed text is the stored message");
            Assert.That(handler.Statuses, Does.Contain("requires_action"));
            Assert.That(handler.Statuses.Last(), Is.EqualTo("completed"));
            Assert.That(handler.FinalRun?.Id, Is.EqualTo(streamed.Id));
        });
    }

    [Test]
    public async Task StreamingToolLoop_OnANewThread_EndsOnTheOneHandler()
    {
        await using EndToEndApi api = new();
        string assistantId = await api.CreateAssistantAsync(withWeatherTool: true);
        api.Model.Enqueue(ScriptedTurn.CallFunction(EndToEndApi.WeatherFunction, """{"city":"Rome"}""")).Enqueue(ScriptedTurn.Reply("Wear a t-shirt."));
        TextRecordingHandler handler = new();
        Task<List<string>> fragments = Collect(handler.TextDeltas);

        ThreadCreationOptions thread = new() { Messages = new List<ThreadInitializationMessage> { new(MessageRole.User, "What should I wear?") } };
        ThreadRun run = await api.Client.Runs.CreateThreadAndStreamToolsAsync(assistantId, WeatherTools(), handler, thread, pollingOptions: api.Polling);

        Assert.Multiple(async () =>
        {
            Assert.That(run.Status, Is.EqualTo(RunStatus.Completed));
            Assert.That(run.ThreadId, Is.EqualTo(handler.CurrentThread?.Id));
            Assert.That(string.Concat(await fragments), Is.EqualTo("Wear a t-shirt."));
            Assert.That(handler.Ends, Is.EqualTo(2), "one stream to requires_action, one after the outputs");
            Assert.That(await api.ListTextsAsync(run.ThreadId!), Is.EqualTo(new[] { "user: What should I wear?", "assistant: Wear a t-shirt." }));
        });
    }

    [Test]
    public async Task StreamedRun_ReconstructedText_EqualsTheListedMessage()
    {
        await using EndToEndApi api = new();
        string assistantId = await api.CreateAssistantAsync();
        string threadId = await api.CreateThreadAsync();
        api.Model.Enqueue(ScriptedTurn.Reply("It is warm and sunny, so a t-shirt will do."));
        TextRecordingHandler handler = new();
        Task<List<string>> fragments = Collect(handler.TextDeltas);

        await handler.ConsumeAsync(await api.Client.Runs.CreateStreamingAsync(threadId, assistantId));

        List<ThreadMessage> listed = await Collect(api.Client.Messages.ListAsync(threadId));
        Assert.Multiple(async () =>
        {
            Assert.That(handler.FinalRun?.Status, Is.EqualTo(RunStatus.Completed));
            Assert.That(handler.Text, Is.EqualTo("It is warm and sunny, so a t-shirt will do."));
            Assert.That(handler.Text, Is.EqualTo(EndToEndApi.Text(listed[0])), "newest first: the assistant's reply");
            Assert.That(string.Concat(await fragments), Is.EqualTo(handler.Text));
            Assert.That(handler.FinalMessages.Single().Id, Is.EqualTo(listed[0].Id));
            Assert.That(EndToEndApi.Text(handler.FinalMessages[0]), Is.EqualTo(handler.Text));
        });
    }

    [Test]
    public async Task Pagination_Over25Messages_WithLimit10_InBothOrders()
    {
        await using EndToEndApi api = new();
        string threadId = (await api.Client.Threads.CreateAsync()).Id;
        List<string> texts = Enumerable.Range(0, 25).Select(i => "m" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        foreach (string text in texts)
        {
            await api.Client.Messages.CreateAsync(threadId, MessageRole.User, text);
        }

        foreach (ListOrder order in new[] { ListOrder.Ascending, ListOrder.Descending })
        {
            List<int> pageSizes = new();
            List<string> seen = new();
            await foreach (Page<ThreadMessage> page in api.Client.Messages.ListAsync(threadId, new MessageCollectionOptions { Limit = 10, Order = order }).AsPages())
            {
                pageSizes.Add(page.Items.Count);
                seen.AddRange(page.Items.Select(EndToEndApi.Text));
            }

            List<string> expected = order == ListOrder.Ascending ? texts : Enumerable.Reverse(texts).ToList();
            Assert.That(pageSizes, Is.EqualTo(new[] { 10, 10, 5 }), order.ToString());
            Assert.That(seen, Is.EqualTo(expected), order.ToString());
            Assert.That(await Collect(api.Client.Messages.ListAsync(threadId, new MessageCollectionOptions { Limit = 10, Order = order })), Has.Count.EqualTo(25));
        }
    }

    [Test]
    public async Task BusyThread_SurfacesAsActiveRunException_AndCreateWhenIdleGetsPastIt()
    {
        await using EndToEndApi api = new();
        string assistantId = await api.CreateAssistantAsync();
        string threadId = await api.CreateThreadAsync("Hi");
        TaskCompletionSource release = new();
        ScriptedTurn held = ScriptedTurn.Reply("Hello there.").HeldUntil(release.Task);
        api.Model.Enqueue(held);
        ThreadRun run = await api.Client.Runs.CreateAsync(threadId, assistantId);
        await held.Started;

        ActiveRunException onMessage = Assert.ThrowsAsync<ActiveRunException>(() => api.Client.Messages.CreateAsync(threadId, MessageRole.User, "Are you there?"))!;
        ActiveRunException onRun = Assert.ThrowsAsync<ActiveRunException>(() => api.Client.Runs.CreateAsync(threadId, assistantId))!;
        Assert.Multiple(() =>
        {
            Assert.That(onMessage.Status, Is.EqualTo(400));
            Assert.That(onMessage.ThreadId, Is.EqualTo(threadId));
            Assert.That(onMessage.RunId, Is.EqualTo(run.Id));
            Assert.That(onRun.ThreadId, Is.EqualTo(threadId));
            Assert.That(onRun.RunId, Is.EqualTo(run.Id));
        });

        // Wait: the helper meets the 400, starts polling, and gets through once the run ends.
        Task<ThreadMessage> waited = api.Client.Messages.CreateWhenIdleAsync(threadId, MessageRole.User, "Are you there?", ActiveRunHandling.Wait, pollingOptions: api.Polling);
        await api.PollClock.FirstPoll;
        Assert.That(waited.IsCompleted, Is.False);
        release.SetResult();
        ThreadMessage added = await waited;

        // Cancel: the helper cancels the active run, waits for it to end, then adds the message.
        ScriptedTurn never = ScriptedTurn.Reply("never").HeldUntil(new TaskCompletionSource().Task);
        api.Model.Enqueue(never);
        ThreadRun second = await api.Client.Runs.CreateAsync(threadId, assistantId);
        await never.Started;
        await api.Client.Messages.CreateWhenIdleAsync(threadId, MessageRole.User, "Stop that.", ActiveRunHandling.Cancel, pollingOptions: api.Polling);

        Assert.Multiple(async () =>
        {
            Assert.That(added.ThreadId, Is.EqualTo(threadId));
            Assert.That((await api.Client.Runs.GetAsync(threadId, run.Id)).Status, Is.EqualTo(RunStatus.Completed));
            Assert.That((await api.Client.Runs.GetAsync(threadId, second.Id)).Status, Is.EqualTo(RunStatus.Cancelled));
            Assert.That(await api.ListTextsAsync(threadId), Is.EqualTo(new[] { "user: Hi", "assistant: Hello there.", "user: Are you there?", "user: Stop that." }));
        });
    }

    [Test]
    public async Task FailedRun_SurfacesAsRunFailedException_WithLastError()
    {
        await using EndToEndApi api = new();
        string assistantId = await api.CreateAssistantAsync();
        string threadId = await api.CreateThreadAsync();
        api.Model.Enqueue(ScriptedTurn.Throw(new InvalidOperationException("The model is down.")));

        RunFailedException error = Assert.ThrowsAsync<RunFailedException>(() => api.Client.Runs.CreateAndPollAsync(threadId, assistantId, pollingOptions: api.Polling))!;

        Assert.Multiple(async () =>
        {
            Assert.That(error.RunStatus, Is.EqualTo(RunStatus.Failed));
            Assert.That(error.LastError?.Code, Is.EqualTo(RunErrorCode.ServerError));
            Assert.That(error.LastError?.Message, Does.StartWith("The server had an error while processing your request. Request id: req_").And.Not.Contain("The model is down."));
            Assert.That(error.Run.ThreadId, Is.EqualTo(threadId));
            Assert.That((await api.Client.Runs.GetAsync(threadId, error.Run.Id)).Status, Is.EqualTo(RunStatus.Failed));
        });
    }

    [Test]
    public async Task FailedRun_ThroughTheStreamingToolLoop_SurfacesAsRunFailedException()
    {
        await using EndToEndApi api = new();
        string assistantId = await api.CreateAssistantAsync(withWeatherTool: true);
        string threadId = await api.CreateThreadAsync();
        api.Model.Enqueue(ScriptedTurn.CallFunction(EndToEndApi.WeatherFunction)).Enqueue(ScriptedTurn.Throw(new InvalidOperationException("The model is down.")));

        RunFailedException error = Assert.ThrowsAsync<RunFailedException>(() => api.Client.Runs.CreateAndStreamToolsAsync(threadId, assistantId, WeatherTools(), new TextRecordingHandler(), pollingOptions: api.Polling))!;

        Assert.That(error.LastError?.Code, Is.EqualTo(RunErrorCode.ServerError));
        Assert.That(error.LastError?.Message, Does.StartWith("The server had an error while processing your request. Request id: req_").And.Not.Contain("The model is down."));
    }

    [Test]
    public async Task CancelIfActive_CancelsARunningRun_AndIsIdempotent()
    {
        await using EndToEndApi api = new();
        string assistantId = await api.CreateAssistantAsync();
        string threadId = await api.CreateThreadAsync();
        ScriptedTurn never = ScriptedTurn.Reply("never").HeldUntil(new TaskCompletionSource().Task);
        api.Model.Enqueue(never);
        ThreadRun run = await api.Client.Runs.CreateAsync(threadId, assistantId);
        await never.Started;

        ThreadRun cancelled = await api.Client.Runs.CancelIfActiveAsync(threadId, run.Id, waitUntilEnded: true, pollingOptions: api.Polling);
        ThreadRun again = await api.Client.Runs.CancelIfActiveAsync(threadId, run.Id, waitUntilEnded: true, pollingOptions: api.Polling);

        Assert.Multiple(async () =>
        {
            Assert.That(cancelled.Status, Is.EqualTo(RunStatus.Cancelled));
            Assert.That(cancelled.CancelledAt, Is.Not.Null);
            Assert.That(again.Status, Is.EqualTo(RunStatus.Cancelled), "cancelling a run that already ended is not an error");
            Assert.That((await api.Client.Messages.CreateAsync(threadId, MessageRole.User, "Next.")).ThreadId, Is.EqualTo(threadId), "the thread is free again");
        });
    }

    private static async Task<List<T>> Collect<T>(IAsyncEnumerable<T> items)
    {
        List<T> list = new();
        await foreach (T item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
