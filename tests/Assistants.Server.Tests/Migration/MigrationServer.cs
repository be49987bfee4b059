using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Assistants.Client;
using Assistants.Client.Tests;
using Assistants.Server.Model;
using Microsoft.Extensions.Time.Testing;

namespace Assistants.Server.Tests.Migration;

/// <summary>An embedded server with its import routes on, and our client over it (retries off, an optional handler in between).</summary>
internal sealed class MigrationServer : IAsyncDisposable
{
    public const string WeatherFunction = "get_weather";

    private readonly HttpClient _http;

    public MigrationServer(bool enableImport = true, Func<HttpMessageHandler, DelegatingHandler>? wrap = null, DateTimeOffset? start = null)
    {
        Time = new FakeTimeProvider(start ?? new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));
        Model = new ScriptedChatClient();
        Server = new AssistantsServer(new AssistantsServerOptions { TimeProvider = Time, ChatClient = Model, EnableImport = enableImport });
        HttpMessageHandler handler = Server.CreateHandler();
        _http = new HttpClient(wrap is null ? handler : wrap(handler));
        Client = new AssistantsApiClient(_http, new AssistantsClientOptions
        {
            Profile = ServerProfile.Embedded(),
            Retry = new RetryOptions { MaxRetries = 0 },
        });
        Polling = new RunPollingOptions { TimeProvider = new ServerIdleTimeProvider(Server) };
    }

    public FakeTimeProvider Time { get; }

    public ScriptedChatClient Model { get; }

    public AssistantsServer Server { get; }

    public AssistantsApiClient Client { get; }

    public RunPollingOptions Polling { get; }

    /// <summary>
    /// A thread with every content type: text, image_file, image_url, attachments and metadata from the user; a run
    /// with a function call (tool-call and message-creation steps); an assistant answer with file_citation and
    /// file_path annotations (which only the import route can create); and the assistant, vector store and files they name.
    /// </summary>
    public async Task<string> PopulateAsync()
    {
        StoredFile notes = await Client.Files.UploadAsync(Encoding.UTF8.GetBytes("Oslo: bring a raincoat.\n"), "notes.txt", FilePurpose.Assistants);
        StoredFile chart = await Client.Files.UploadAsync(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0, 1, 2, 3 }, "chart.png", FilePurpose.Vision);
        VectorStore store = await Client.VectorStores.CreateAsync(new VectorStoreCreationOptions { Name = "travel", FileIds = new List<string> { notes.Id } });
        Time.Advance(TimeSpan.FromSeconds(5));
        Assistant assistant = await Client.Assistants.CreateAsync("gpt-4o", new AssistantCreationOptions
        {
            Name = "Travel helper",
            Tools = new List<ToolDefinition> { new FunctionToolDefinition(WeatherFunction, "Gets the weather"), new FileSearchToolDefinition(), new CodeInterpreterToolDefinition() },
            ToolResources = new ToolResources
            {
                FileSearch = new FileSearchToolResources { VectorStoreIds = new List<string> { store.Id } },
                CodeInterpreter = new CodeInterpreterToolResources { FileIds = new List<string> { notes.Id } },
            },
            Metadata = new Dictionary<string, string> { ["team"] = "travel" },
        });
        AssistantThread thread = await Client.Threads.CreateAsync(new ThreadCreationOptions { Metadata = new Dictionary<string, string> { ["customer"] = "c-42" } });
        Time.Advance(TimeSpan.FromSeconds(5));
        await Client.Messages.CreateAsync(thread.Id, MessageRole.User, new[]
        {
            MessageContentPart.CreateText("What should I pack? Chart attached."),
            MessageContentPart.CreateImageFile(chart.Id),
            MessageContentPart.CreateImageUrl("https://example.com/oslo.png"),
        }, new MessageCreationOptions
        {
            Attachments = new List<MessageAttachment> { new(notes.Id, new ToolDefinition[] { new FileSearchToolDefinition() }) },
            Metadata = new Dictionary<string, string> { ["source"] = "app" },
        });

        Model.Enqueue(ScriptedTurn.CallFunction(WeatherFunction, """{"city":"Oslo"}""")).Enqueue(ScriptedTurn.Reply("Pack a raincoat: it is cold and rainy."));
        // The embedded server runs function tools only: the run overrides the assistant's hosted tools.
        RunCreationOptions functionsOnly = new() { Tools = new List<ToolDefinition> { new FunctionToolDefinition(WeatherFunction, "Gets the weather") } };
        ThreadRun run = await Client.Runs.CreateAndPollAsync(thread.Id, assistant.Id, functionsOnly, Polling);
        FunctionToolRegistry tools = new FunctionToolRegistry().Add(WeatherFunction, _ => "cold and rainy");
        await Client.Runs.RunToolLoopAsync(run, tools, Polling);
        await Server.WaitForIdleAsync();
        Time.Advance(TimeSpan.FromSeconds(5));

        string annotated = $$$"""
            {"kind":"message","objects":[{"id":"msg_annotated","object":"thread.message","created_at":{{{Time.GetUtcNow().ToUnixTimeSeconds()}}},"assistant_id":"{{{assistant.Id}}}","thread_id":"{{{thread.Id}}}","run_id":null,"role":"assistant",
              "content":[{"type":"text","text":{"value":"See notes.txt【4:0†source】 and the chart sandbox:/mnt/data/chart.png","annotations":[
                {"type":"file_citation","text":"【4:0†source】","start_index":13,"end_index":25,"file_citation":{"file_id":"{{{notes.Id}}}"}},
                {"type":"file_path","text":"sandbox:/mnt/data/chart.png","start_index":40,"end_index":67,"file_path":{"file_id":"{{{chart.Id}}}"}}]}}],
              "attachments":[],"metadata":{"seeded":"import-route"},"x_vendor_field":{"kept":true}}]}
            """;
        using HttpRequestMessage request = new(HttpMethod.Post, "http://localhost/v1/_import") { Content = new StringContent(annotated, Encoding.UTF8, "application/json") };
        using HttpResponseMessage response = await Server.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return thread.Id;
    }

    public async ValueTask DisposeAsync()
    {
        await Server.WaitForIdleAsync();
        Client.Dispose();
        _http.Dispose();
        await Server.DisposeAsync();
    }

    /// <summary>Every file of an export folder except its checkpoint, by relative path, as bytes.</summary>
    public static SortedDictionary<string, byte[]> Contents(string folder)
    {
        SortedDictionary<string, byte[]> contents = new(StringComparer.Ordinal);
        foreach (string path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            string name = Path.GetRelativePath(folder, path).Replace('\\', '/');
            if (name != "checkpoint.jsonl")
            {
                contents[name] = File.ReadAllBytes(path);
            }
        }

        return contents;
    }
}
