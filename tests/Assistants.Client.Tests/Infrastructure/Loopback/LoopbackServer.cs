using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Assistants.Client.Tests.Loopback;

/// <summary>
/// A real HTTP server (Kestrel on 127.0.0.1, a port the OS picks) that hands every request to the test's delegate
/// and records, on the server side, what reached it. Fault and load tests drive the public client against it over
/// real sockets; <see cref="Faults"/> holds the usual misbehaviours (reset, hang, huge body).
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Func<HttpContext, Task> _handler;

    private LoopbackServer(WebApplication app, Func<HttpContext, Task> handler)
    {
        _app = app;
        _handler = handler;
    }

    /// <summary>Gets the server's root, <c>http://127.0.0.1:port/</c>.</summary>
    public Uri Root { get; private set; } = null!;

    /// <summary>Gets the base URL a client is configured with (<c>/v1/</c> under <see cref="Root"/>).</summary>
    public Uri BaseUrl => new(Root, "v1/");

    /// <summary>Gets a token that fires when the server stops, so hanging handlers end with the test.</summary>
    public CancellationToken Stopping => _stopping.Token;

    /// <summary>Gets every request that reached the server, in arrival order (headers seen, body not kept).</summary>
    public IReadOnlyList<ReceivedRequest> Requests => _requests.ToArray();

    /// <summary>Starts a server whose every request is answered by <paramref name="handler"/>.</summary>
    public static async Task<LoopbackServer> StartAsync(Func<HttpContext, Task> handler)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Limits.MinRequestBodyDataRate = null;
            kestrel.Limits.MinResponseDataRate = null;
        });
        WebApplication app = builder.Build();
        LoopbackServer server = new(app, handler);
        app.Run(server.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Root = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    /// <summary>Gets a base URL on 127.0.0.1 where nothing listens: a connection to it is refused.</summary>
    public static Uri RefusingBaseUrl()
    {
        using Socket socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        int port = ((IPEndPoint)socket.LocalEndPoint!).Port;
        return new Uri($"http://127.0.0.1:{port}/v1/");
    }

    /// <summary>Counts the requests that reached the server with this method and a path ending in <paramref name="pathSuffix"/>.</summary>
    public int Count(string method, string pathSuffix)
        => _requests.Count(r => r.Method == method && r.Path.EndsWith(pathSuffix, StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        _stopping.Cancel();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        Dictionary<string, string> headers = new(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues> header in context.Request.Headers)
        {
            headers[header.Key] = header.Value.ToString();
        }

        _requests.Enqueue(new ReceivedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? string.Empty,
            context.Request.QueryString.Value ?? string.Empty,
            headers,
            context.Connection.Id,
            _requests.Count(r => r.ConnectionId == context.Connection.Id)));
        await _handler(context).ConfigureAwait(false);
    }
}

/// <summary>One request as the server saw it.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path, without the query.</param>
/// <param name="Query">The query string, with its <c>?</c>, or empty.</param>
/// <param name="Headers">The request headers (names case-insensitive).</param>
/// <param name="ConnectionId">Kestrel's id of the connection it came on.</param>
/// <param name="EarlierOnConnection">How many requests came on the same connection before this one (0 on a new connection).</param>
internal sealed record ReceivedRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string ConnectionId,
    int EarlierOnConnection);
