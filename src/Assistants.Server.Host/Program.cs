using System;
using Assistants.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.AI;

// Serves Assistants.Server over Kestrel on loopback. The scripted offline model answers unless
// OPENAI_API_KEY is set, in which case an OpenAI chat model (OPENAI_MODEL, default gpt-4o-mini) does.
bool inMemory = Array.IndexOf(args, "--in-memory") >= 0;
WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(Array.FindAll(args, arg => arg != "--in-memory"));
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}

string? apiKey = Environment.GetEnvironmentVariable("OPENAI_API_KEY");
IChatClient? model = string.IsNullOrEmpty(apiKey)
    ? null
    : new OpenAI.Chat.ChatClient(Environment.GetEnvironmentVariable("OPENAI_MODEL") ?? "gpt-4o-mini", apiKey).AsIChatClient();
// Data (SQLite database and uploaded files) lives in --data <dir>; by default in the user's local application data
// folder (~/.local/share/Assistants.Server on Linux). --in-memory keeps everything in memory instead.
string? dataDirectory = inMemory ? null : builder.Configuration["data"] is { Length: > 0 } data
    ? System.IO.Path.GetFullPath(data)
    : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "Assistants.Server");
var server = new AssistantsServer(new AssistantsServerOptions { ChatClient = model, DataDirectory = dataDirectory });
WebApplication app = builder.Build();
app.MapAssistantsServer(server);
Console.WriteLine(model is null
    ? "Assistants.Server: scripted offline model (set OPENAI_API_KEY for an OpenAI chat model)."
    : "Assistants.Server: OpenAI chat model.");
Console.WriteLine(dataDirectory is null
    ? "Assistants.Server: data in memory only (--in-memory); it is lost when the host stops."
    : $"Assistants.Server: data in {dataDirectory} (--data <dir> to change it).");
try
{
    await app.RunAsync().ConfigureAwait(false);
}
finally
{
    await app.DisposeAsync().ConfigureAwait(false);
    await server.DisposeAsync().ConfigureAwait(false);
}
