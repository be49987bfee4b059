using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Assistants.Client;
using Assistants.Server.Model;
using Microsoft.Extensions.AI;
using NUnit.Framework;

namespace Assistants.Server.Tests.EndToEnd;

/// <summary>An assistant as an <see cref="IChatClient"/> (<c>client.AsIChatClient</c>), end to end against our server.</summary>
[TestFixture]
public sealed class ChatClientBridgeTests
{
    [Test]
    public async Task GetResponseAsync_WithoutAThread_AnswersOnANewThreadNamedByTheConversationId()
    {
        await using EndToEndApi api = new();
        string assistantId = await api.CreateAssistantAsync();
        api.Model.Enqueue(ScriptedTurn.Reply("Wear a warm coat."));
        IChatClient chat = api.Client.AsIChatClient(assistantId);

        ChatResponse response = await chat.GetResponseAsync("What should I wear?");

        ThreadRun run = (ThreadRun)response.RawRepresentation!;
        Assert.Multiple(async () =>
        {
            Assert.That(response.Text, Is.EqualTo("Wear a warm coat."));
            Assert.That(response.ConversationId, Does.StartWith("thread_"));
            Assert.That(run.ThreadId, Is.EqualTo(response.ConversationId));
            Assert.That(run.Status, Is.EqualTo(RunStatus.Completed));
            Assert.That(response.ResponseId, Is.EqualTo(run.Id));
            Assert.That(response.Messages.Single().MessageId, Is.EqualTo(run.Id));
            Assert.That(response.Messages[0].Role, Is.EqualTo(ChatRole.Assistant));
            Assert.That(response.FinishReason, Is.EqualTo(ChatFinishReason.Stop));
            Assert.That(response.ModelId, Is.EqualTo("gpt-4o"));
            Assert.That(response.Usage?.InputTokenCount, Is.EqualTo(run.Usage?.PromptTokens).And.GreaterThan(0));
            Assert.That(response.Usage?.OutputTokenCount, Is.EqualTo(4));
            Assert.That(response.Usage?.TotalTokenCount, Is.EqualTo(run.Usage?.TotalTokens));
            Assert.That(await api.ListTextsAsync(response.ConversationId!), Is.EqualTo(new[] { "user: What should I wear?", "assistant: Wear a warm coat." }));
        });
    }

    [Test]
    public async Task GetStreamingResponseAsync_StreamsTheRunsTextDeltas_ThenItsEnd()
    {
        await using EndToEndApi api = new();
        string assistantId = await api.CreateAssistantAsync();
        string threadId = await api.CreateThreadAsync("Hello?");
        api.Model.Enqueue(ScriptedTurn.Reply("Wear a warm coat."));
        IChatClient chat = api.Client.AsIChatClient(assistantId, threadId);

        List<ChatResponseUpdate> updates = new();
        await foreach (ChatResponseUpdate update in chat.GetStreamingResponseAsync("What should I wear?"))
        {
            updates.Add(update);
        }

        List<ChatResponseUpdate> texts = updates.Where(u => u.Contents.OfType<TextContent>().Any()).ToList();
        ChatResponseUpdate last = updates[^1];
        ThreadRun run = ((RunUpdate)last.RawRepresentation!).Run;
        Assert.Multiple(async () =>
        {
            Assert.That(texts.Select(u => u.Text), Is.EqualTo(new[] { "Wear", " a", " warm", " coat." }), "one update per streamed delta");
            Assert.That(texts.Select(u => u.RawRepresentation), Is.All.InstanceOf<MessageDeltaUpdate>());
            Assert.That(updates.Select(u => u.ResponseId), Is.All.EqualTo(run.Id));
            Assert.That(updates.Select(u => u.MessageId), Is.All.EqualTo(run.Id));
            Assert.That(updates.Select(u => u.ConversationId), Is.All.EqualTo(threadId));
            Assert.That(updates.Select(u => u.RawRepresentation), Is.All.InstanceOf<StreamingUpdate>(), "every event kept as the raw representation");
            Assert.That(updates.Select(u => u.RawRepresentation).OfType<RunStepUpdate>(), Is.Not.Empty, "events with no chat content are not dropped");
            Assert.That(run.Status, Is.EqualTo(RunStatus.Completed));
            Assert.That(last.FinishReason, Is.EqualTo(ChatFinishReason.Stop));
            Assert.That(last.Contents.OfType<UsageContent>().Single().Details.TotalTokenCount, Is.EqualTo(run.Usage?.TotalTokens).And.GreaterThan(0));
            Assert.That(updates.Count(u => u.Contents.OfType<UsageContent>().Any()), Is.EqualTo(1));
            Assert.That(await api.ListTextsAsync(threadId), Is.EqualTo(new[] { "user: Hello?", "user: What should I wear?", "assistant: Wear a warm coat." }));
        });
    }

    [Test]
    public async Task ConversationId_FromTheFirstResponse_ContinuesTheSameThread()
    {
        await using EndToEndApi api = new();
        string assistantId = await api.CreateAssistantAsync();
        IChatClient chat = api.Client.AsIChatClient(assistantId);

        ChatResponse first = await chat.GetResponseAsync("My name is Ada.");
        ChatResponse second = await chat.GetResponseAsync("What is my name?", new ChatOptions { ConversationId = first.ConversationId });
        ChatResponse elsewhere = await chat.GetResponseAsync("Hi.");

        Assert.Multiple(async () =>
        {
            Assert.That(second.ConversationId, Is.EqualTo(first.ConversationId));
            Assert.That(second.ResponseId, Is.Not.EqualTo(first.ResponseId), "a new run per call");
            Assert.That(elsewhere.ConversationId, Is.Not.EqualTo(first.ConversationId), "no conversation id: a new thread");
            Assert.That(await api.ListTextsAsync(first.ConversationId!), Is.EqualTo(new[]
            {
                "user: My name is Ada.",
                "assistant: " + ScriptedChatClient.DefaultReplyPrefix + " You said: My name is Ada.",
                "user: What is my name?",
                "assistant: " + ScriptedChatClient.DefaultReplyPrefix + " You said: What is my name?",
            }));
        });
    }

    [Test]
    public async Task FunctionInvokingChatClient_DrivesTwoRoundsOfCalls_ThroughOneRun()
    {
        await using EndToEndApi api = new();
        string assistantId = await api.CreateAssistantAsync();
        api.Model
            .Enqueue(ScriptedTurn.CallFunction(EndToEndApi.WeatherFunction, """{"city":"Oslo"}"""))
            .Enqueue(ScriptedTurn.CallFunction(EndToEndApi.WeatherFunction, """{"city":"Rome"}"""));
        List<string> asked = new();
        AIFunction weather = AIFunctionFactory.Create(
            (string city) =>
            {
                asked.Add(city);
                return city == "Oslo" ? "cold and rainy" : "warm and sunny";
            },
            EndToEndApi.WeatherFunction,
            "Gets the weather in a city");
        using IChatClient chat = new FunctionInvokingChatClient(api.Client.AsIChatClient(assistantId));

        ChatResponse response = await chat.GetResponseAsync("Oslo or Rome?", new ChatOptions { Tools = [weather] });

        List<ThreadRun> runs = await Collect(api.Client.Runs.ListAsync(response.ConversationId!));
        List<FunctionCallContent> calls = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
        Assert.Multiple(async () =>
        {
            Assert.That(asked, Is.EqualTo(new[] { "Oslo", "Rome" }));
            Assert.That(response.Text, Does.EndWith(ScriptedChatClient.DefaultReplyPrefix + " The tools returned: warm and sunny"));
            Assert.That(runs, Has.Count.EqualTo(1), "the function results went back to the run that asked for them");
            Assert.That(runs[0].Status, Is.EqualTo(RunStatus.Completed));
            Assert.That(runs[0].Tools?.OfType<FunctionToolDefinition>().Select(t => t.Function.Name), Is.EqualTo(new[] { EndToEndApi.WeatherFunction }));
            Assert.That(calls.Select(c => c.CallId), Is.All.StartWith("[\"" + runs[0].Id + "\","), "the call id names the run");
            Assert.That(calls.Select(c => c.Name), Is.All.EqualTo(EndToEndApi.WeatherFunction));
            Assert.That(response.Messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>().Count(), Is.EqualTo(2));
            Assert.That(await api.ListTextsAsync(response.ConversationId!), Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task ReadmeExample_ToolLoopThenStreamingOnTheSameThread()
    {
        await using EndToEndApi api = new();
        AssistantsApiClient client = api.Client;
        Assistant assistant = await client.Assistants.CreateAsync("gpt-4o");
        api.Model
            .Enqueue(ScriptedTurn.CallFunction(EndToEndApi.WeatherFunction, """{"city":"Rome"}"""))
            .Enqueue(ScriptedTurn.Reply("Wear a t-shirt."))
            .Enqueue(ScriptedTurn.Reply("Wear a coat."));

        // As in README.md, "Use an assistant as an IChatClient".
        using IChatClient chat = new ChatClientBuilder(client.AsIChatClient(assistant.Id))
            .UseFunctionInvocation()
            .Build();
        ChatOptions options = new() { Tools = [AIFunctionFactory.Create((string city) => "warm and sunny", "get_current_weather")] };

        ChatResponse response = await chat.GetResponseAsync("What should I wear in Rome?", options);

        options.ConversationId = response.ConversationId;
        List<ChatResponseUpdate> updates = new();
        await foreach (ChatResponseUpdate update in chat.GetStreamingResponseAsync("And in Oslo?", options))
        {
            updates.Add(update);
        }

        Assert.Multiple(async () =>
        {
            Assert.That(response.Text, Is.EqualTo("Wear a t-shirt."));
            Assert.That(string.Concat(updates.Select(u => u.Text)), Is.EqualTo("Wear a coat."));
            Assert.That(updates.Last().FinishReason, Is.EqualTo(ChatFinishReason.Stop));
            Assert.That(updates.Select(u => u.ConversationId).Where(id => id is not null), Is.All.EqualTo(response.ConversationId));
            Assert.That(await api.ListTextsAsync(response.ConversationId!), Is.EqualTo(new[]
            {
                "user: What should I wear in Rome?", "assistant: Wear a t-shirt.", "user: And in Oslo?", "assistant: Wear a coat.",
            }));
        });
    }

    [Test]
    public async Task AnUnansweredFunctionCall_ThenANewMessage_CancelsTheWaitingRun()
    {
        await using EndToEndApi api = new();
        using AssistantsApiClient client = new(new System.Net.Http.HttpClient(api.Server.CreateHandler()), new AssistantsClientOptions
        {
            BaseUrl = new Uri("http://localhost/v1/"),
            ApiKey = "sk-end-to-end",
            TimeProvider = api.PollClock,
        });
        string assistantId = await api.CreateAssistantAsync(withWeatherTool: true);
        api.Model.Enqueue(ScriptedTurn.CallFunction(EndToEndApi.WeatherFunction, """{"city":"Rome"}""")).Enqueue(ScriptedTurn.Reply("Never mind."));
        IChatClient chat = client.AsIChatClient(assistantId);

        ChatResponse asking = await chat.GetResponseAsync("Weather in Rome?");
        ChatResponse next = await chat.GetResponseAsync("Forget it.", new ChatOptions { ConversationId = asking.ConversationId });

        ThreadRun abandoned = await client.Runs.GetAsync(asking.ConversationId!, asking.ResponseId!);
        Assert.Multiple(() =>
        {
            Assert.That(asking.FinishReason, Is.EqualTo(ChatFinishReason.ToolCalls));
            Assert.That(asking.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Single().Arguments?["city"]?.ToString(), Is.EqualTo("Rome"));
            Assert.That(abandoned.Status, Is.EqualTo(RunStatus.Cancelled));
            Assert.That(next.Text, Is.EqualTo("Never mind."));
            Assert.That(next.ConversationId, Is.EqualTo(asking.ConversationId));
        });
    }

    [Test]
    public async Task SystemMessagesAndInstructions_BecomeTheRunsAdditionalInstructions()
    {
        RecordingChatClient model = new();
        await using AssistantsServer server = new(new AssistantsServerOptions { ChatClient = model });
        using System.Net.Http.HttpMessageHandler handler = server.CreateHandler();
        using AssistantsApiClient client = new(ServerProfile.Embedded(handler), null);
        Assistant assistant = await client.Assistants.CreateAsync("gpt-4o", new AssistantCreationOptions { Instructions = "You are a tailor." });
        IChatClient chat = client.AsIChatClient(assistant.Id);

        ChatResponse response = await chat.GetResponseAsync(
            [new ChatMessage(ChatRole.System, "Answer in one word."), new ChatMessage(ChatRole.User, "Coat or jacket?")],
            new ChatOptions { Instructions = "Be polite." });

        List<ThreadMessage> stored = await Collect(client.Messages.ListAsync(response.ConversationId!));
        Assert.Multiple(() =>
        {
            Assert.That(response.Text, Is.EqualTo("ok"));
            Assert.That(model.LastMessages[0].Role, Is.EqualTo(ChatRole.System));
            Assert.That(model.LastMessages[0].Text, Is.EqualTo("You are a tailor.\n\nBe polite.\n\nAnswer in one word."), "the assistant's instructions, then the additional ones");
            Assert.That(model.LastMessages.Skip(1).Select(m => m.Text), Is.EqualTo(new[] { "Coat or jacket?" }));
            Assert.That(stored.Select(m => m.Role), Is.EqualTo(new[] { MessageRole.Assistant, MessageRole.User }), "no system message on the thread");
        });
    }

    [Test]
    public async Task ChatOptions_BecomeTheRunsOverrides()
    {
        await using EndToEndApi api = new();
        string assistantId = await api.CreateAssistantAsync(withWeatherTool: true);
        IChatClient chat = api.Client.AsIChatClient(assistantId);
        ChatOptions options = new()
        {
            ModelId = "gpt-4o-mini",
            Temperature = 0.3f,
            TopP = 0.9f,
            MaxOutputTokens = 300,
            AllowMultipleToolCalls = false,
            ToolMode = ChatToolMode.None,
            ResponseFormat = ChatResponseFormat.Json,
            Tools = [AIFunctionFactory.CreateDeclaration("get_time", "Gets the time", AIFunctionFactory.Create(() => "noon").JsonSchema)],
        };

        ChatResponse response = await chat.GetResponseAsync("What time is it?", options);

        ThreadRun run = await api.Client.Runs.GetAsync(response.ConversationId!, response.ResponseId!);
        Assert.Multiple(() =>
        {
            Assert.That(run.Model, Is.EqualTo("gpt-4o-mini"));
            Assert.That(response.ModelId, Is.EqualTo("gpt-4o-mini"));
            Assert.That(run.Temperature, Is.EqualTo(0.3), "the float the caller wrote, not 0.30000001192");
            Assert.That(run.TopP, Is.EqualTo(0.9));
            Assert.That(run.MaxCompletionTokens, Is.EqualTo(300));
            Assert.That(run.ParallelToolCalls, Is.False);
            Assert.That(run.ToolChoice?.Type, Is.EqualTo("none"));
            Assert.That(run.ResponseFormat?.Type, Is.EqualTo("json_object"));
            Assert.That(run.Tools?.OfType<FunctionToolDefinition>().Select(t => t.Function.Name), Is.EqualTo(new[] { EndToEndApi.WeatherFunction, "get_time" }), "added to the assistant's tools");
        });
    }

    [Test]
    public async Task UnsupportedContent_IsRefused_BeforeAnythingIsSent()
    {
        await using EndToEndApi api = new();
        using CountingHandler counting = new(api.Server.CreateHandler());
        using AssistantsApiClient client = new(new System.Net.Http.HttpClient(counting), new AssistantsClientOptions { BaseUrl = new Uri("http://localhost/v1/"), ApiKey = "sk-end-to-end" });
        IChatClient chat = client.AsIChatClient("asst_1");
        ChatMessage message = new(ChatRole.User, [new TextContent("Listen:"), new DataContent(new byte[] { 1, 2, 3 }, "audio/wav")]);

        NotSupportedException error = Assert.ThrowsAsync<NotSupportedException>(() => chat.GetResponseAsync([message]))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.StartWith("A DataContent in a user message has no counterpart in the Assistants protocol"));
            Assert.That(counting.Count, Is.Zero, "nothing was sent");
        });
    }

    [Test]
    public void GetService_ReturnsTheClientAndMetadata()
    {
        using AssistantsApiClient client = new(ServerProfile.Embedded(), null);
        IChatClient chat = client.AsIChatClient("asst_1");

        Assert.Multiple(() =>
        {
            Assert.That(chat.GetService<AssistantsApiClient>(), Is.SameAs(client));
            Assert.That(chat.GetService<ChatClientMetadata>()?.ProviderUri, Is.EqualTo(ServerProfile.EmbeddedBaseUrl));
            Assert.That(chat.GetService<IChatClient>(), Is.SameAs(chat));
            Assert.That(() => client.AsIChatClient(""), Throws.ArgumentException);
        });
    }

    private sealed class CountingHandler(System.Net.Http.HttpMessageHandler inner) : System.Net.Http.DelegatingHandler(inner)
    {
        public int Count { get; private set; }

        protected override Task<System.Net.Http.HttpResponseMessage> SendAsync(System.Net.Http.HttpRequestMessage request, System.Threading.CancellationToken cancellationToken)
        {
            Count++;
            return base.SendAsync(request, cancellationToken);
        }
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
