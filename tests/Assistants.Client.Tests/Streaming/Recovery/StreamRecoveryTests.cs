using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Assistants.Client.Tests.Loopback;
using Assistants.Server.Model;
using NUnit.Framework;

namespace Assistants.Client.Tests.Streaming.Recovery;

/// <summary>
/// Stream recovery against the embedded server over loopback: a proxy cuts the real stream, and the handler must end
/// in the same state as on an uncut run of the same script (text seen, completed messages, steps, final run).
/// </summary>
[TestFixture]
public sealed class StreamRecoveryTests
{
    private const string Reply = "It is warm and sunny, so a t-shirt will do.";

    private static ScriptedTurn TwoWeatherCalls()
        => ScriptedTurn.CallFunctions(
            new KeyValuePair<string, string>(EmbeddedBehindProxy.WeatherFunction, """{"city":"Oslo"}"""),
            new KeyValuePair<string, string>(EmbeddedBehindProxy.WeatherFunction, """{"city":"Rome"}"""));

    private static void Print(string title, TranscriptHandler handler)
    {
        TestContext.Out.WriteLine("== " + title + " ==");
        foreach (string line in handler.Lines)
        {
            TestContext.Out.WriteLine(line);
        }

        foreach (string line in handler.State())
        {
            TestContext.Out.WriteLine("  state: " + line);
        }
    }

    /// <summary>A reply run; <paramref name="gateAt"/> is the handler's line after which the cut may drop the connection (null: once the headers arrived).</summary>
    private static async Task<TranscriptHandler> ReplyRunAsync(EmbeddedBehindProxy api, string assistantId, StreamCut? cut, string? gateAt = null)
    {
        TranscriptHandler handler = new() { OpenGateAt = gateAt };
        api.Proxy.Cut = cut is null ? null : cut with { Gate = handler.Gate.Task };
        api.Model.Enqueue(ScriptedTurn.Reply(Reply));
        string threadId = await api.CreateThreadAsync();
        Task<List<string>> deltas = handler.TextDeltas.ToListAsync();
        RunStream stream = await api.Client.Runs.CreateStreamingAsync(threadId, assistantId);
        if (gateAt is null)
        {
            handler.Gate.TrySetResult();
        }

        await handler.ConsumeAsync(stream);
        Assert.That(string.Concat(await deltas), Is.EqualTo(Reply), "TextDeltas reads the whole answer, once");
        await api.Server.WaitForIdleAsync();
        return handler;
    }

    private static async Task<TranscriptHandler> ToolRunAsync(EmbeddedBehindProxy api, string assistantId, StreamCut? cut, string? gateAt = null)
    {
        TranscriptHandler handler = new() { OpenGateAt = gateAt };
        api.Proxy.Cut = cut is null ? null : cut with { Gate = handler.Gate.Task };
        api.Model.Enqueue(TwoWeatherCalls());
        string threadId = await api.CreateThreadAsync();
        ThreadRun run = await api.Client.Runs.CreateAndStreamToolsAsync(threadId, assistantId, EmbeddedBehindProxy.WeatherTools(), handler);
        Assert.That(run.Status, Is.EqualTo(RunStatus.Completed));
        await api.Server.WaitForIdleAsync();
        return handler;
    }

    [Test]
    public async Task CutAfterThreeTextDeltas_IsRecovered_WithTheStateOfAnUncutRun()
    {
        await using EmbeddedBehindProxy api = await EmbeddedBehindProxy.StartAsync();
        string assistantId = await api.CreateAssistantAsync();
        TranscriptHandler uncut = await ReplyRunAsync(api, assistantId, null);
        TranscriptHandler recovered = await ReplyRunAsync(api, assistantId, new StreamCut("thread.message.delta", 3), "  text delta \" warm\"");
        Print("uncut", uncut);
        Print("cut after 3 text deltas, recovered", recovered);

        Assert.Multiple(() =>
        {
            Assert.That(api.Proxy.DidCut, Is.True);
            Assert.That(api.Proxy.Forwarded.Count(e => e == "thread.message.delta"), Is.EqualTo(3));
            Assert.That(recovered.State(), Is.EqualTo(uncut.State()));
            Assert.That(recovered.TextSeen, Is.EqualTo(Reply), "no text twice, none missing");
            Assert.That(recovered.Recovery!.Cause, Is.InstanceOf<StreamEndedEarlyException>());
            Assert.That(recovered.RecoveredStreams, Is.EqualTo(1));
            Assert.That(recovered.Lines, Has.Some.StartsWith("  [recovered] text delta \" and sunny, so a t-shirt will do.\""), "the rest arrives as one delta");
            Assert.That(recovered.FinalRun!.Status, Is.EqualTo(RunStatus.Completed));
            Assert.That(api.Loopback.Count("POST", "/cancel"), Is.EqualTo(0), "a broken stream is recovered, not abandoned");
        });
    }

    [Test]
    public async Task CutDuringAToolCall_IsRecovered_AndTheToolLoopGoesOn()
    {
        await using EmbeddedBehindProxy api = await EmbeddedBehindProxy.StartAsync();
        string assistantId = await api.CreateAssistantAsync();
        TranscriptHandler uncut = await ToolRunAsync(api, assistantId, null);

        // The first call complete, the second named, then half of its arguments' event and the connection drops.
        TranscriptHandler recovered = await ToolRunAsync(api, assistantId, new StreamCut("thread.run.step.delta", 3, MidEvent: true), "  tool call done get_current_weather{\"city\":\"Oslo\"}");
        Print("uncut", uncut);
        Print("cut in the second tool call's arguments, recovered", recovered);

        Assert.Multiple(() =>
        {
            Assert.That(api.Proxy.DidCut, Is.True);
            Assert.That(recovered.State(), Is.EqualTo(uncut.State()));
            Assert.That(recovered.Lines, Has.Some.EqualTo("  [recovered] tool call delta {\"city\":\"Rome\"}"));
            Assert.That(recovered.Lines.Count(l => l.Contains("tool call done", StringComparison.Ordinal)), Is.EqualTo(2));
            Assert.That(recovered.Recovery!.Run.Status, Is.EqualTo(RunStatus.RequiresAction));
            Assert.That(api.Loopback.Count("POST", "/submit_tool_outputs"), Is.EqualTo(2), "one submit per run: the recovered run went through the same loop");
        });
    }

    [Test]
    public async Task CutBeforeTheFirstEvent_FindsTheRunAsTheThreadsNewest()
    {
        await using EmbeddedBehindProxy api = await EmbeddedBehindProxy.StartAsync();
        string assistantId = await api.CreateAssistantAsync();
        TranscriptHandler uncut = await ReplyRunAsync(api, assistantId, null);
        TranscriptHandler recovered = await ReplyRunAsync(api, assistantId, new StreamCut(null));
        Print("uncut", uncut);
        Print("cut before the first event, recovered", recovered);

        Assert.Multiple(() =>
        {
            Assert.That(api.Proxy.Forwarded, Is.Empty);
            Assert.That(recovered.State(), Is.EqualTo(uncut.State()));
            Assert.That(recovered.Lines, Has.Some.EqualTo("  [recovered] text delta \"" + Reply + "\""));
            Assert.That(api.Loopback.Requests.Any(r => r.Method == "GET" && r.Path.EndsWith("/runs", StringComparison.Ordinal) && r.Query.Contains("order=desc", StringComparison.Ordinal) && r.Query.Contains("limit=1", StringComparison.Ordinal)), Is.True);
        });
    }

    [Test]
    public async Task RecoveryOff_TheHandlerEndsWithTheBreak_AsBefore()
    {
        await using EmbeddedBehindProxy api = await EmbeddedBehindProxy.StartAsync(streamRecovery: false);
        string assistantId = await api.CreateAssistantAsync();
        TranscriptHandler handler = new() { OpenGateAt = "  text delta \" warm\"" };
        api.Proxy.Cut = new StreamCut("thread.message.delta", 3, Gate: handler.Gate.Task);
        api.Model.Enqueue(ScriptedTurn.Reply(Reply));
        string threadId = await api.CreateThreadAsync();
        RunStream stream = await api.Client.Runs.CreateStreamingAsync(threadId, assistantId);
        Assert.That(stream.RecoverOnBreak, Is.False);

        Assert.ThrowsAsync<StreamEndedEarlyException>(() => handler.ConsumeAsync(stream));
        Assert.Multiple(() =>
        {
            Assert.That(handler.Recovery, Is.Null);
            Assert.That(handler.RecoveredStreams, Is.EqualTo(0));
            Assert.That(handler.FinalRun, Is.Null);
            Assert.That(handler.FinalMessages, Is.Empty);
            Assert.That(handler.TextSeen, Is.EqualTo("It is warm"));
            Assert.That(api.Loopback.Count("POST", "/cancel"), Is.EqualTo(0));
        });
    }

    [Test]
    public async Task CreateThreadAndRun_CutBeforeThreadCreated_SaysItCannotBeRecovered()
    {
        await using EmbeddedBehindProxy api = await EmbeddedBehindProxy.StartAsync();
        string assistantId = await api.CreateAssistantAsync();
        TaskCompletionSource headersArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        api.Proxy.Cut = new StreamCut(null, Gate: headersArrived.Task);
        api.Model.Enqueue(ScriptedTurn.Reply(Reply));
        TranscriptHandler handler = new();
        ThreadCreationOptions thread = new() { Messages = new List<ThreadInitializationMessage> { new(MessageRole.User, "Hi") } };
        RunStream stream = await api.Client.Runs.CreateThreadAndRunStreamingAsync(assistantId, thread);
        headersArrived.SetResult();

        StreamEndedEarlyException error = Assert.ThrowsAsync<StreamEndedEarlyException>(() => handler.ConsumeAsync(stream))!;
        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.StartWith("The stream broke and the run cannot be recovered by polling: a create-thread-and-run stream ended before its 'thread.created' event"));
            Assert.That(error.InnerException, Is.InstanceOf<StreamEndedEarlyException>());
            Assert.That(handler.Recovery, Is.Null);
        });
    }
}
