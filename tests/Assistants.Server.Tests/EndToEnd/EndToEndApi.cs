using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Assistants.Client;
using Assistants.Client.Tests;
using Assistants.Server.Model;
using Microsoft.Extensions.Time.Testing;

namespace Assistants.Server.Tests.EndToEnd;

/// <summary>Our client over our server, in process: <c>new HttpClient(server.CreateHandler())</c>, base URL <c>http://localhost/v1/</c>.</summary>
internal sealed class EndToEndApi : IAsyncDisposable
{
    public const string WeatherFunction = "get_current_weather";

    private readonly HttpClient _http;

    public EndToEndApi()
    {
        // The server's clock is fake (and far from the client's): the client must go by the server's Date header.
        Time = new FakeTimeProvider(new DateTimeOffset(2025, 10, 30, 22, 0, 0, TimeSpan.Zero));
        Model = new ScriptedChatClient();
        Server = new AssistantsServer(new AssistantsServerOptions { TimeProvider = Time, ChatClient = Model });
        _http = new HttpClient(Server.CreateHandler());
        Client = new AssistantsApiClient(_http, new AssistantsClientOptions { BaseUrl = new Uri("http://localhost/v1/"), ApiKey = "sk-end-to-end" });
        PollClock = new ServerIdleTimeProvider(Server);
        Polling = new RunPollingOptions { TimeProvider = PollClock };
    }

    public FakeTimeProvider Time { get; }

    public ScriptedChatClient Model { get; }

    public AssistantsServer Server { get; }

    public AssistantsApiClient Client { get; }

    public ServerIdleTimeProvider PollClock { get; }

    /// <summary>Gets polling options whose delays end when the server is idle.</summary>
    public RunPollingOptions Polling { get; }

    public async Task<string> CreateAssistantAsync(bool withWeatherTool = false)
    {
        AssistantCreationOptions options = new();
        if (withWeatherTool)
        {
            options.Tools = new List<ToolDefinition> { new FunctionToolDefinition(WeatherFunction, "Gets the user's current weather") };
        }

        return (await Client.Assistants.CreateAsync("gpt-4o", options)).Id;
    }

    public async Task<string> CreateThreadAsync(string userText = "What should I wear outside right now?")
    {
        ThreadCreationOptions options = new() { Messages = new List<ThreadInitializationMessage> { new(MessageRole.User, userText) } };
        return (await Client.Threads.CreateAsync(options)).Id;
    }

    /// <summary>The thread's messages, oldest first, as role and text.</summary>
    public async Task<List<string>> ListTextsAsync(string threadId)
    {
        List<string> texts = new();
        await foreach (ThreadMessage message in Client.Messages.ListAsync(threadId, new MessageCollectionOptions { Order = ListOrder.Ascending }))
        {
            texts.Add(message.Role + ": " + Text(message));
        }

        return texts;
    }

    public static string Text(ThreadMessage? message)
        => string.Concat((message?.Content ?? Array.Empty<MessageContent>()).OfType<MessageTextContent>().Select(c => c.Text?.Value));

    public async ValueTask DisposeAsync()
    {
        await Server.WaitForIdleAsync();
        Client.Dispose();
        _http.Dispose();
        await Server.DisposeAsync();
    }
}
