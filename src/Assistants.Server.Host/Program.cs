using System;
using Assistants.Server;
using Assistants.Server.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// Serves Assistants.Server over Kestrel (loopback by default) with API keys; see --help. The scripted offline model
// answers unless OPENAI_API_KEY is set, in which case an OpenAI chat model (OPENAI_MODEL, default gpt-4o-mini) does.
HostSettings settings;
try
{
    settings = HostSettings.Parse(args);
}
catch (ArgumentException error)
{
    Console.Error.WriteLine(error.Message);
    return 2;
}

if (settings.ShowHelp)
{
    Console.WriteLine(HostHelp.Text);
    return 0;
}

WebApplicationBuilder builder = WebApplication.CreateSlimBuilder([.. settings.Remaining]);
string urls = builder.Configuration["urls"] is { Length: > 0 } configured ? configured : HostSettings.DefaultUrls;
builder.WebHost.UseUrls(urls);
HostPlan plan = HostStartup.Plan(settings, urls, Environment.GetEnvironmentVariable(HostSettings.KeysVariable));
if (plan.Refusal is not null)
{
    Console.Error.WriteLine(plan.Refusal);
    return 1;
}

string? openAiKey = Environment.GetEnvironmentVariable("OPENAI_API_KEY");
IChatClient? model = string.IsNullOrEmpty(openAiKey)
    ? null
    : new OpenAI.Chat.ChatClient(Environment.GetEnvironmentVariable("OPENAI_MODEL") ?? "gpt-4o-mini", openAiKey).AsIChatClient();
WebApplication app = builder.Build();
var options = new AssistantsServerOptions
{
    ChatClient = model,
    LoggerFactory = app.Services.GetRequiredService<ILoggerFactory>(),
    DataDirectory = settings.InMemory ? null : settings.DataDirectory,
};
foreach (string key in plan.Keys)
{
    options.ApiKeys.Add(key);
}

var server = new AssistantsServer(options);
if (settings.Diagnostics)
{
    HostDiagnostics.Map(app);
    Console.WriteLine($"Diagnostics: GET {HostDiagnostics.MemoryPath} (loopback only).");
}

app.MapAssistantsServer(server);
foreach (string line in HostStartup.Banner(plan, urls))
{
    Console.WriteLine(line);
}

Console.WriteLine(model is null
    ? "Model: scripted offline model (set OPENAI_API_KEY for an OpenAI chat model)."
    : "Model: OpenAI chat model.");
Console.WriteLine(options.DataDirectory is null
    ? "Data: in memory only (--in-memory); it is lost when the Host stops."
    : $"Data: {options.DataDirectory} (SQLite; --data <dir> to change it).");
try
{
    await app.RunAsync().ConfigureAwait(false);
}
finally
{
    await app.DisposeAsync().ConfigureAwait(false);
    await server.DisposeAsync().ConfigureAwait(false);
}

return 0;
