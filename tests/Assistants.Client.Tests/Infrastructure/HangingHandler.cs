using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Assistants.Client.Tests;

/// <summary>A server that accepts the request and never answers: the call ends only when its token fires.</summary>
internal sealed class HangingHandler : HttpMessageHandler
{
    public int Calls { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Calls++;
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return new HttpResponseMessage();
    }
}
