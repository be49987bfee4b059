using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Assistants.Client.Tests.Streaming;
using Microsoft.Extensions.AI;
using NUnit.Framework;
using RichardSzalay.MockHttp;
using static Assistants.Client.Tests.Streaming.StreamTestHelpers;

namespace Assistants.Client.Tests.ChatClient;

/// <summary>The IChatClient bridge on the wire (both target frameworks): the requests it sends and what it makes of the events.</summary>
[TestFixture]
public sealed class AssistantsChatClientWireTests
{
    private const string RunsUrl = Wire.BaseUrl + "threads/thread_1/runs";

    private static void RespondWithStream(Wire wire, string url, string sse)
        => wire.Mock.Expect(HttpMethod.Post, url).Respond(_ =>
        {
            StreamContent content = new(ChunkedStream.ByLine(Encoding.UTF8.GetBytes(sse)));
            content.Headers.ContentType = new MediaTypeHeaderValue("text/event-stream");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        });

    private static string Completed(string id = "run_1")
        => """{"id":"RUN_ID","object":"thread.run","created_at":1,"thread_id":"thread_1","assistant_id":"asst_1","status":"completed","model":"gpt-4o","usage":{"prompt_tokens":7,"completion_tokens":2,"total_tokens":9,"prompt_token_details":{"cached_tokens":3}}}""".Replace("RUN_ID", id, StringComparison.Ordinal);

    [Test]
    public async Task GetResponseAsync_WithoutAThread_CreatesOne_ThenStreamsARunWithTheMessagesAndOverrides()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Post, "threads", """{"id":"thread_1","object":"thread","created_at":1}""");
        RespondWithStream(wire, RunsUrl, Event("thread.run.created", Run("queued")) + Event("thread.message.delta", TextDelta("Hello"))
            + Event("thread.message.delta", TextDelta(" there")) + Event("thread.run.completed", Completed()) + Event("done", "[DONE]"));
        IChatClient chat = wire.Client.AsIChatClient("asst_1");

        ChatResponse response = await chat.GetResponseAsync(
            [new ChatMessage(ChatRole.System, "Be brief."), new ChatMessage(ChatRole.User, "Hi"), new ChatMessage(ChatRole.Assistant, "Hello?"), new ChatMessage(ChatRole.User, "Again")],
            new ChatOptions { ModelId = "gpt-4o-mini", Temperature = 0.3f, TopP = 0.5f, MaxOutputTokens = 300, AllowMultipleToolCalls = true, ToolMode = ChatToolMode.RequireAny, ResponseFormat = ChatResponseFormat.Text, Instructions = "Be kind." });

        wire.Mock.VerifyNoOutstandingExpectation();
        JsonAssert.AreEquivalent("{}", wire.Requests[0].Body!);
        JsonAssert.AreEquivalent(
            """
            {"assistant_id":"asst_1","model":"gpt-4o-mini","additional_instructions":"Be kind.\n\nBe brief.",
             "additional_messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello?"},{"role":"user","content":"Again"}],
             "temperature":0.3,"top_p":0.5,"max_completion_tokens":300,"tool_choice":"required","parallel_tool_calls":true,
             "response_format":{"type":"text"},"stream":true}
            """,
            wire.Requests[1].Body!);
        Assert.Multiple(() =>
        {
            Assert.That(response.Text, Is.EqualTo("Hello there"));
            Assert.That(response.ConversationId, Is.EqualTo("thread_1"));
            Assert.That(response.ResponseId, Is.EqualTo("run_1"));
            Assert.That(response.FinishReason, Is.EqualTo(ChatFinishReason.Stop));
            Assert.That(response.Usage?.InputTokenCount, Is.EqualTo(7));
            Assert.That(response.Usage?.OutputTokenCount, Is.EqualTo(2));
            Assert.That(response.Usage?.TotalTokenCount, Is.EqualTo(9));
            Assert.That(response.Usage?.CachedInputTokenCount, Is.EqualTo(3));
            Assert.That(((ThreadRun)response.RawRepresentation!).Status, Is.EqualTo(RunStatus.Completed));
        });
    }

    [Test]
    public async Task RequiresAction_GivesFunctionCalls_AndTheirResultsGoBackAsToolOutputsOfThatRun()
    {
        using Wire wire = new();
        string waiting = """{"id":"run_1","object":"thread.run","created_at":1,"thread_id":"thread_1","assistant_id":"asst_1","status":"requires_action","required_action":{"type":"submit_tool_outputs","submit_tool_outputs":{"tool_calls":[{"id":"call_a","type":"function","function":{"name":"add","arguments":"{\"x\":40,\"y\":2}"}},{"id":"call_b","type":"function","function":{"name":"echo","arguments":"{}"}}]}}}""";
        RespondWithStream(wire, RunsUrl, Event("thread.run.created", Run("queued")) + Event("thread.run.requires_action", waiting) + Event("done", "[DONE]"));
        RespondWithStream(wire, RunsUrl + "/run_1/submit_tool_outputs", Event("thread.message.delta", TextDelta("42")) + Event("thread.run.completed", Completed()) + Event("done", "[DONE]"));
        IChatClient chat = wire.Client.AsIChatClient("asst_1", "thread_1");

        ChatResponse asking = await chat.GetResponseAsync("What is 40 + 2?");
        List<FunctionCallContent> calls = asking.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
        using JsonDocument number = JsonDocument.Parse("42");
        ChatResponse answer = await chat.GetResponseAsync(
            [new ChatMessage(ChatRole.Tool, [new FunctionResultContent(calls[0].CallId, number.RootElement.Clone()), new FunctionResultContent(calls[1].CallId, "as is")])],
            new ChatOptions { ConversationId = asking.ConversationId });

        JsonAssert.AreEquivalent("""{"tool_outputs":[{"tool_call_id":"call_a","output":"42"},{"tool_call_id":"call_b","output":"as is"}],"stream":true}""", wire.Requests[1].Body!);
        Assert.Multiple(() =>
        {
            Assert.That(asking.FinishReason, Is.EqualTo(ChatFinishReason.ToolCalls));
            Assert.That(calls.Select(c => c.CallId), Is.EqualTo(new[] { """["run_1","call_a"]""", """["run_1","call_b"]""" }));
            Assert.That(calls.Select(c => c.Name), Is.EqualTo(new[] { "add", "echo" }));
            Assert.That(calls[0].Arguments?["x"]?.ToString(), Is.EqualTo("40"));
            Assert.That(calls[0].RawRepresentation, Is.InstanceOf<RequiredToolCall>());
            Assert.That(asking.Usage, Is.Null, "usage only once the run has ended");
            Assert.That(answer.Text, Is.EqualTo("42"));
            Assert.That(answer.ResponseId, Is.EqualTo("run_1"));
            Assert.That(wire.Requests, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public void FunctionResult_WithACallIdNotMadeByTheBridge_IsRefusedBeforeSending()
    {
        using Wire wire = new();
        IChatClient chat = wire.Client.AsIChatClient("asst_1", "thread_1");

        ArgumentException error = Assert.ThrowsAsync<ArgumentException>(() => chat.GetResponseAsync([new ChatMessage(ChatRole.Tool, [new FunctionResultContent("call_1", "x")])]))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.ParamName, Is.EqualTo("messages"));
            Assert.That(error.Message, Does.StartWith("The function result's CallId 'call_1' was not made by this chat client"));
            Assert.That(wire.Requests, Is.Empty);
        });
    }

    [Test]
    public void AFailedRun_RaisesRunFailedException()
    {
        using Wire wire = new();
        string failed = """{"id":"run_1","object":"thread.run","created_at":1,"thread_id":"thread_1","assistant_id":"asst_1","status":"failed","last_error":{"code":"server_error","message":"boom"}}""";
        RespondWithStream(wire, RunsUrl, Event("thread.run.created", Run("queued")) + Event("thread.run.failed", failed) + Event("done", "[DONE]"));
        IChatClient chat = wire.Client.AsIChatClient("asst_1", "thread_1");

        RunFailedException error = Assert.ThrowsAsync<RunFailedException>(() => chat.GetResponseAsync("Hi"))!;

        Assert.That(error.LastError?.Message, Is.EqualTo("boom"));
    }
}
