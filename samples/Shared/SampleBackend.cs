using System;
using System.Net.Http;
using System.Threading.Tasks;
using Assistants.Client;
using Assistants.Server;
using Assistants.Server.Model;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;

namespace Assistants.Samples;

/// <summary>
/// Picks the backend of a sample from configuration (environment variables by default):
/// <list type="bullet">
/// <item>nothing set: the embedded <see cref="AssistantsServer"/> with its scripted offline model;</item>
/// <item><c>OPENAI_API_KEY</c> (and <c>OPENAI_MODEL</c>, default <c>gpt-4o-mini</c>): the embedded server over an OpenAI chat model;</item>
/// <item><c>ASSISTANTS_BASE_URL</c> (and <c>ASSISTANTS_API_KEY</c>, <c>ASSISTANTS_API_VERSION</c>, <c>ASSISTANTS_MODEL</c>): a remote server.</item>
/// </list>
/// Keys are read, passed on, and never printed.
/// </summary>
public sealed class SampleBackend : IAsyncDisposable
{
    /// <summary>The model name used with a remote server or OpenAI when none is configured.</summary>
    public const string DefaultOpenAIModel = "gpt-4o-mini";

    private readonly HttpClient? _embeddedHttp;

    private SampleBackend(SampleBackendKind kind, AssistantsApiClient client, string model, string description, AssistantsServer? server, HttpClient? embeddedHttp)
    {
        Kind = kind;
        Client = client;
        Model = model;
        Description = description;
        Server = server;
        _embeddedHttp = embeddedHttp;
    }

    /// <summary>Gets which backend was chosen.</summary>
    public SampleBackendKind Kind { get; }

    /// <summary>Gets the client, ready to use.</summary>
    public AssistantsApiClient Client { get; }

    /// <summary>Gets the model name to create assistants with.</summary>
    public string Model { get; }

    /// <summary>Gets a one-line description of the backend (without any key).</summary>
    public string Description { get; }

    /// <summary>Gets the embedded server, or <see langword="null"/> for a remote server.</summary>
    public AssistantsServer? Server { get; }

    /// <summary>Gets whether the answers come from the offline scripted model (and <see cref="Script"/> has an effect).</summary>
    public bool IsScripted => Server?.ScriptedModel is not null;

    /// <summary>Reads the environment and creates the backend; prints which one was chosen.</summary>
    /// <param name="configuration">Where to read the settings; <see langword="null"/> reads environment variables.</param>
    /// <returns>The backend; dispose it at the end.</returns>
    public static SampleBackend Create(IConfiguration? configuration = null)
    {
        configuration ??= new ConfigurationBuilder().AddEnvironmentVariables().Build();
        ReportFailuresPlainly();
        SampleBackend backend = CreateCore(configuration);
        Console.WriteLine($"Backend: {backend.Description}");
        return backend;
    }

    // A sample that cannot reach its server should say so in one line and exit 1, not dump a crash.
    private static void ReportFailuresPlainly()
        => AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            Exception error = e.ExceptionObject as Exception ?? new InvalidOperationException("unknown failure");
            Console.Error.WriteLine($"error: {error.GetType().Name}: {error.Message}");
            Environment.Exit(1);
        };

    /// <summary>
    /// Creates the embedded server a sample uses when no remote server is configured: over an OpenAI chat model when
    /// <c>OPENAI_API_KEY</c> is set, otherwise over the scripted offline model.
    /// </summary>
    /// <param name="configuration">Where to read <c>OPENAI_API_KEY</c> and <c>OPENAI_MODEL</c>.</param>
    /// <param name="model">The model name to create assistants with.</param>
    /// <returns>The server.</returns>
    public static AssistantsServer CreateEmbeddedServer(IConfiguration configuration, out string model) =>
        CreateEmbeddedServer(configuration, new AssistantsServerOptions(), out model);

    /// <summary>
    /// Creates an embedded server like <see cref="CreateEmbeddedServer(IConfiguration, out string)"/>, with the server
    /// settings given (e.g. a short <see cref="AssistantsServerOptions.RunExpiration"/>); its chat client is set here.
    /// </summary>
    /// <param name="configuration">Where to read <c>OPENAI_API_KEY</c> and <c>OPENAI_MODEL</c>.</param>
    /// <param name="options">The server settings.</param>
    /// <param name="model">The model name to create assistants with.</param>
    /// <returns>The server.</returns>
    public static AssistantsServer CreateEmbeddedServer(IConfiguration configuration, AssistantsServerOptions options, out string model)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        string? openAIKey = Setting(configuration, "OPENAI_API_KEY");
        if (openAIKey is null)
        {
            model = ScriptedChatClient.ModelId;
            return new AssistantsServer(options);
        }

        model = Setting(configuration, "OPENAI_MODEL") ?? DefaultOpenAIModel;
        options.ChatClient = new OpenAI.Chat.ChatClient(model, openAIKey).AsIChatClient();
        return new AssistantsServer(options);
    }

    /// <summary>
    /// Creates a second embedded server with <paramref name="options"/> beside this backend, with the same kind of
    /// model, and a client for it; <see langword="null"/> when this backend is a remote server.
    /// </summary>
    /// <param name="options">The server settings.</param>
    /// <returns>The other backend, or <see langword="null"/>; dispose it at the end.</returns>
    public SampleBackend? CreateSibling(AssistantsServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Server is null)
        {
            return null;
        }

        IConfiguration configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        return Embedded(CreateEmbeddedServer(configuration, options, out string model), model);
    }

    /// <summary>
    /// Scripts the next answers of the offline model, one turn per model call (a reply, or function calls).
    /// Has no effect with a real model, which decides by itself.
    /// </summary>
    /// <param name="turns">The turns, in order.</param>
    public void Script(params ScriptedTurn[] turns)
    {
        ArgumentNullException.ThrowIfNull(turns);
        if (Server?.ScriptedModel is { } scripted)
        {
            foreach (ScriptedTurn turn in turns)
            {
                scripted.Enqueue(turn);
            }
        }
    }

    /// <summary>Disposes the client and waits for the embedded server to finish its runs.</summary>
    /// <returns>A task that completes when everything is released.</returns>
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        _embeddedHttp?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }

    private static SampleBackend CreateCore(IConfiguration configuration)
    {
        string? baseUrl = Setting(configuration, "ASSISTANTS_BASE_URL");
        if (baseUrl is not null)
        {
            var options = new AssistantsClientOptions
            {
                BaseUrl = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/"),
                ApiKey = Setting(configuration, "ASSISTANTS_API_KEY"),
                ApiVersion = Setting(configuration, "ASSISTANTS_API_VERSION"),
            };
            string remoteModel = Setting(configuration, "ASSISTANTS_MODEL") ?? DefaultOpenAIModel;
            string key = options.ApiKey is null ? "no API key" : "API key set";
            return new SampleBackend(
                SampleBackendKind.RemoteServer,
                new AssistantsApiClient(options),
                remoteModel,
                $"remote Assistants server at {options.BaseUrl} ({key}), model {remoteModel}",
                null,
                null);
        }

        AssistantsServer server = CreateEmbeddedServer(configuration, out string model);
        return Embedded(server, model);
    }

    private static SampleBackend Embedded(AssistantsServer server, string model)
    {
        var http = new HttpClient(server.CreateHandler()) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        var client = new AssistantsApiClient(http, new AssistantsClientOptions { Profile = ServerProfile.Embedded() });
        bool scripted = server.ScriptedModel is not null;
        return new SampleBackend(
            scripted ? SampleBackendKind.ScriptedModel : SampleBackendKind.OpenAIChatModel,
            client,
            model,
            scripted
                ? "embedded Assistants.Server with the OFFLINE SCRIPTED MODEL: every answer below is scripted, not written by an AI model (set OPENAI_API_KEY or ASSISTANTS_BASE_URL for a real one)"
                : $"embedded Assistants.Server over the OpenAI chat model {model}",
            server,
            http);
    }

    private static string? Setting(IConfiguration configuration, string name) =>
        configuration[name] is { Length: > 0 } value ? value : null;
}
