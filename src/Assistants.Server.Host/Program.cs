using System;
using Assistants.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.AI;

// Serves Assistants.Server over Kestrel on loopback. The scripted offline model answers unless
// OPENAI_API_KEY is set, in which case an OpenAI chat model (OPENAI_MODEL, default gpt-4o-mini) does.
WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}

string? apiKey = Environment.GetEnvironmentVariable("OPENAI_API_KEY");
IChatClient? model = string.IsNullOrEmpty(apiKey)
    ? null
    : new OpenAI.Chat.ChatClient(Environment.GetEnvironmentVariable("OPENAI_MODEL") ?? "gpt-4o-mini", apiKey).AsIChatClient();
var server = new AssistantsServer(new AssistantsServerOptions { ChatClient = model });
WebApplication app = builder.Build();
app.MapAssistantsServer(server);
Console.WriteLine(model is null
    ? "Assistants.Server: scripted offline model (set OPENAI_API_KEY for an OpenAI chat model)."
    : "Assistants.Server: OpenAI chat model.");
try
{
    await app.RunAsync().ConfigureAwait(false);
}
finally
{
    await app.DisposeAsync().ConfigureAwait(false);
    await server.DisposeAsync().ConfigureAwait(false);
}
