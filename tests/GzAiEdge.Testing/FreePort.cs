using System.Net;
using System.Net.Sockets;

namespace GzAiEdge.Testing;

/// <summary>Picks a free TCP port on loopback so that parallel test runs never collide.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
