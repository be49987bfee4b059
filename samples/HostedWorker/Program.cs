// A Generic Host app: the client is registered with services.AddAssistantsClient(configuration.GetSection("Assistants")),
// its options come from appsettings.json and the environment, and a BackgroundService has one conversation and then
// stops the host. Without a BaseUrl (or Profile) the client uses the Embedded profile, its HttpClient plugged into the
// embedded Assistants.Server: there is no default server, so a section naming none would fail when the host starts.
using System;
using System.Collections.Generic;
using Assistants.Client;
using Assistants.Samples;
using Assistants.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// appsettings.json is read from the output folder, so `dotnet run --project samples/HostedWorker` works from anywhere.
HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });

// The variables the other samples read, as aliases of the "Assistants" section (set ones only).
var aliases = new Dictionary<string, string?>();
foreach ((string variable, string key) in new[] { ("ASSISTANTS_BASE_URL", "BaseUrl"), ("ASSISTANTS_API_KEY", "ApiKey"), ("ASSISTANTS_API_VERSION", "ApiVersion"), ("ASSISTANTS_MODEL", "Model") })
{
    if (builder.Configuration[variable] is { Length: > 0 } value)
    {
        aliases[key == "Model" ? "Worker:Model" : $"Assistants:{key}"] = value;
    }
}

builder.Configuration.AddInMemoryCollection(aliases);
IConfigurationSection section = builder.Configuration.GetSection("Assistants");

AssistantsServer? server = null;
string backend;
if (string.IsNullOrEmpty(section["BaseUrl"]) && string.IsNullOrEmpty(section["Profile"]))
{
    server = SampleBackend.CreateEmbeddedServer(builder.Configuration, out string model);
    builder.Configuration["Worker:Model"] = model;
    backend = server.ScriptedModel is not null
        ? "embedded Assistants.Server with the OFFLINE SCRIPTED MODEL: the answer below is scripted, not written by an AI model"
        : $"embedded Assistants.Server over the OpenAI chat model {model}";
    server.ScriptedModel?.Enqueue(Assistants.Server.Model.ScriptedTurn.Reply(
        "1. Name things for what they mean. 2. Keep methods short and single-purpose. 3. Prefer clear code to clever code."));
}
else
{
    backend = $"remote Assistants server at {(string.IsNullOrEmpty(section["BaseUrl"]) ? $"{section["Profile"]} {section["Endpoint"]}" : section["BaseUrl"])} ({(string.IsNullOrEmpty(section["ApiKey"]) ? "no API key" : "API key set")})";
}

IHttpClientBuilder http = builder.Services.AddAssistantsClient(section, options =>
{
    if (server is not null)
    {
        options.Profile = ServerProfile.Embedded();
    }
});
if (server is not null)
{
    http.ConfigurePrimaryHttpMessageHandler(() => server.CreateHandler());
}

builder.Services.AddSingleton(new WorkerSettings(
    builder.Configuration["Worker:Model"] ?? SampleBackend.DefaultOpenAIModel,
    builder.Configuration["Worker:Question"] ?? "Hello!"));
builder.Services.AddHostedService<ConversationWorker>();

Console.WriteLine($"Backend: {backend}");
using IHost host = builder.Build();
await host.RunAsync();
if (server is not null)
{
    await server.DisposeAsync();
}

Console.WriteLine($"Host stopped (exit code {Environment.ExitCode}).");
return Environment.ExitCode;
