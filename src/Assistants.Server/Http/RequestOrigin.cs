namespace Assistants.Server.Http;

/// <summary>Where a request came from: in process (no socket), or over a connection to a local address.</summary>
/// <param name="OverSocket">Whether the request came over a network connection.</param>
/// <param name="LoopbackConnection">Whether that connection reached a loopback address of this machine.</param>
internal readonly record struct RequestOrigin(bool OverSocket, bool LoopbackConnection)
{
    public static RequestOrigin InProcess => new(false, true);
}
