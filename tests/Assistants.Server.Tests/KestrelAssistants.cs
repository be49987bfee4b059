using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Assistants.Server.Tests;

/// <summary>
/// An <see cref="AssistantsServer"/> mapped with <c>MapAssistantsServer</c> on Kestrel at 127.0.0.1 (a port the OS
/// picks), with Kestrel's defaults untouched, as an application hosts it. (The client tests' LoopbackServer lifts
/// Kestrel's body limit itself, which would hide what MapAssistantsServer has to do.)
/// </summary>
internal sealed class KestrelAssistants : IAsyncDisposable
{
    private readonly WebApplication _app;

    private KestrelAssistants(WebApplication app, AssistantsServer server, Uri root)
    {
        _app = app;
        Server = server;
        Root = root;
        Http = new HttpClient { BaseAddress = new Uri(root, "v1/") };
    }

    public AssistantsServer Server { get; }

    /// <summary>Gets <c>http://127.0.0.1:port/</c>.</summary>
    public Uri Root { get; }

    /// <summary>Gets a client with <c>/v1/</c> as its base address and no key.</summary>
    public HttpClient Http { get; }

    public static async Task<KestrelAssistants> StartAsync(AssistantsServerOptions options)
    {
        var server = new AssistantsServer(options);
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        app.MapAssistantsServer(server);
        await app.StartAsync();
        return new KestrelAssistants(app, server, new Uri(app.Urls.Single().TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Server.DisposeAsync();
    }
}
