using System.Linq;
using System.Net.NetworkInformation;

namespace Assistants.Client.Benchmarks;

/// <summary>Counts this machine's open TCP connections to a loopback port (the client ends, whose remote port is the server's).</summary>
internal static class TcpConnections
{
    public static int OpenTo(int port) =>
        IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpConnections()
            .Count(c => c.RemoteEndPoint.Port == port && c.State is TcpState.Established or TcpState.CloseWait or TcpState.FinWait1 or TcpState.FinWait2);
}
