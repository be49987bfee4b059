using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using Assistants.Client.Tests.Loopback;
using Assistants.Server;
using Assistants.Server.Model;

namespace Assistants.Client.Tests.Streaming.Recovery;

/// <summary>
/// The embedded server reached over loopback through <see cref="Forwarding"/>: the client under test talks HTTP to
/// a <see cref="LoopbackServer"/> that forwards to the server's in-process handler and can cut the first event stream.
/// </summary>
internal sealed class EmbeddedBehindProxy : IAsyncDisposable
{
    public const string WeatherFunction = "get_current_weather";

    private readonly HttpMessageHandler _handler;
    private LoopbackServer _loopback = null!;

    private EmbeddedBehindProxy()
    {
        Server = new AssistantsServer();
        _handler = Server.CreateHandler();
        Proxy = new Forwarding(_handler);
        Clock = new ServerIdleTimeProvider(Server);
    }

    public AssistantsServer Server { get; }

    public ScriptedChatClient Model => Server.ScriptedModel!;

    public Forwarding Proxy { get; }

    public ServerIdleTimeProvider Clock { get; }

    public AssistantsApiClient Client { get; private set; } = null!;

    public LoopbackServer Loopback => _loopback;

    public static async Task<EmbeddedBehindProxy> StartAsync(bool streamRecovery = true)
    {
        EmbeddedBehindProxy api = new();
        api._loopback = await LoopbackServer.StartAsync(api.Proxy.HandleAsync);
        api.Client = new AssistantsApiClient(new AssistantsClientOptions
        {
            BaseUrl = api._loopback.BaseUrl,
            TimeProvider = api.Clock,
            StreamRecovery = streamRecovery,
        });
        return api;
    }

    public static FunctionToolRegistry WeatherTools()
        => new FunctionToolRegistry().Add(WeatherFunction, args => args.Contains("Oslo", StringComparison.Ordinal) ? "cold and rainy" : "warm and sunny");

    public async Task<string> CreateAssistantAsync()
    {
        AssistantCreationOptions options = new()
        {
            Tools = new List<ToolDefinition> { new FunctionToolDefinition(WeatherFunction, "Gets the current weather in a city") },
        };
        return (await Client.Assistants.CreateAsync("gpt-4o", options)).Id;
    }

    public async Task<string> CreateThreadAsync()
    {
        ThreadCreationOptions options = new() { Messages = new List<ThreadInitializationMessage> { new(MessageRole.User, "What should I wear in Oslo and Rome?") } };
        return (await Client.Threads.CreateAsync(options)).Id;
    }

    public async ValueTask DisposeAsync()
    {
        await Server.WaitForIdleAsync();
        Client.Dispose();
        await _loopback.DisposeAsync();
        _handler.Dispose();
        await Server.DisposeAsync();
    }
}
