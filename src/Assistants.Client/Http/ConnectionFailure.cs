using System;
using System.Net.Sockets;
#if NET8_0_OR_GREATER
using System.Net.Http;
#endif

namespace Assistants.Client.Internal;

/// <summary>Tells a connection failure that happened before anything was sent (so retrying cannot duplicate work) from one after.</summary>
internal static class ConnectionFailure
{
    public static bool IsBeforeSend(Exception exception)
    {
#if NET8_0_OR_GREATER
        if (exception is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError })
        {
            return true;
        }
#endif

        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.TryAgain or SocketError.AddressNotAvailable })
            {
                return true;
            }
        }

        return false;
    }
}
