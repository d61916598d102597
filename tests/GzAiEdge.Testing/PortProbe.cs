using System.Net;
using System.Net.Sockets;

namespace GzAiEdge.Testing;

/// <summary>Waits until a server accepts TCP connections, failing with the server's output if it dies first.</summary>
public static class PortProbe
{
    public static async Task WaitUntilListeningAsync(int port, ChildProcess server, string name, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException($"{name} exited with {server.ExitCode} before listening on {port}:\n{server.Output}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new TimeoutException($"{name} did not listen on {port} within {timeout}:\n{server.Output}");
    }
}
