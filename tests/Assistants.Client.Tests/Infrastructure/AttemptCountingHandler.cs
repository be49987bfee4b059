using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Assistants.Client.Tests;

/// <summary>Counts the requests the client hands to the real socket handler, for faults the server cannot count (a refused connection).</summary>
internal sealed class AttemptCountingHandler : DelegatingHandler
{
    private int _attempts;

    public AttemptCountingHandler()
        : base(new SocketsHttpHandler())
    {
    }

    public int Attempts => Volatile.Read(ref _attempts);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        return base.SendAsync(request, cancellationToken);
    }
}
