using System.Net.Sockets;
using System.Text;

namespace GzAiEdge.Testing;

/// <summary>The receiving end of a notification socket, as systemd binds it: a Unix datagram socket at a path or an abstract name.</summary>
public sealed class NotifySocket : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);

    /// <param name="name">A path, or '@' and an abstract name.</param>
    public NotifySocket(string name)
    {
        Name = name;
        _socket.Bind(new UnixDomainSocketEndPoint(name.StartsWith('@') ? "\0" + name[1..] : name));
    }

    public string Name { get; }

    /// <summary>The next notification, or null when none comes within <paramref name="timeout"/> (which only guards a hang).</summary>
    public async Task<string?> ReceiveAsync(TimeSpan timeout)
    {
        var buffer = new byte[4096];
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            var n = await _socket.ReceiveAsync(buffer, SocketFlags.None, cancel.Token);
            return Encoding.UTF8.GetString(buffer, 0, n);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Reads notifications until one has a line starting with <paramref name="line"/>; returns it, or null on timeout.</summary>
    public async Task<string?> WaitForAsync(string line, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (await ReceiveAsync(until - DateTime.UtcNow) is not { } message)
            {
                return null;
            }

            if (message.Split('\n').Any(l => l.StartsWith(line, StringComparison.Ordinal)))
            {
                return message;
            }
        }

        return null;
    }

    public void Dispose() => _socket.Dispose();
}
