using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Assistants.Client.Tests;

/// <summary>A server written as a function: for answers MockHttp cannot give (unbuffered bodies that fail midway).</summary>
internal sealed class DelegateHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send) : HttpMessageHandler
{
    public int Calls { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Calls++;
        return send(request, cancellationToken);
    }
}
