using System.Net;
using System.Net.Sockets;

namespace AgentTickets.Testing;

internal static class FreePort
{
    /// <summary>A loopback port nothing listens on (bound, read, released).</summary>
    public static int Get()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
