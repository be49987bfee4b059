using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Assistants.Server.Http;

/// <summary>The message handler an <see cref="HttpClient"/> uses to reach an <see cref="AssistantsServer"/> in process.</summary>
internal sealed class ServerHandler(AssistantsServer server) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        server.SendAsync(request, cancellationToken);
}
