using System;
using Assistants.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Assistants.Server;

/// <summary>Maps an <see cref="AssistantsServer"/> on ASP.NET Core (Kestrel), so any HTTP client can use it.</summary>
public static class AssistantsServerEndpointRouteBuilderExtensions
{
    /// <summary>Serves every path through <paramref name="server"/> (with or without its path prefix).</summary>
    /// <param name="endpoints">The route builder, typically a <c>WebApplication</c>.</param>
    /// <param name="server">The server.</param>
    /// <returns>The endpoint convention builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IEndpointConventionBuilder MapAssistantsServer(this IEndpointRouteBuilder endpoints, AssistantsServer server)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(server);
        return endpoints.Map("/{**path}", context => HttpContextBridge.HandleAsync(context, server));
    }
}
