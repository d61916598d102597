using System.Net;
using System.Net.Sockets;

namespace GzAiEdge.Testing;

/// <summary>
/// A scripted MQTT peer on a free loopback port that speaks raw bytes, to answer as a real broker
/// never would (or as another broker than Mosquitto does). Each read and write gives up after 10 s.
/// </summary>
public sealed class ScriptedMqttBroker : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private NetworkStream? _stream;

    public ScriptedMqttBroker() => _listener.Start();

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>How many connections were accepted so far.</summary>
    public int Accepted { get; private set; }

    public async Task AcceptAsync()
    {
        if (_stream is not null)
        {
            await _stream.DisposeAsync();
        }

        var socket = await _listener.AcceptSocketAsync(Timeout());
        _stream = new NetworkStream(socket, ownsSocket: true);
        Accepted++;
    }

    /// <summary>
    /// Accepts the connection <paramref name="connect"/> opens, reads its CONNECT and answers with
    /// <paramref name="connAckHex"/>; returns what <paramref name="connect"/> returned.
    /// </summary>
    public async Task<T> HandshakeAsync<T>(Func<Task<T>> connect, string connAckHex)
    {
        var accept = AcceptAsync();
        var connecting = connect();
        await accept;
        var packet = await ReadPacketAsync();
        if (packet?.Header != 0x10)
        {
            throw new InvalidOperationException($"expected CONNECT (0x10), got {packet?.Header:X2}");
        }

        await SendAsync(connAckHex);
        return await connecting;
    }

    /// <summary>
    /// Reads one whole packet: (first byte, body); null when the peer closed the connection. Waits at most
    /// <paramref name="patience"/> (10 s by default) for its first byte, then throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public async Task<(byte Header, byte[] Body)?> ReadPacketAsync(TimeSpan? patience = null)
    {
        var one = new byte[1];
        if (await _stream!.ReadAsync(one, new CancellationTokenSource(patience ?? Patience).Token) == 0)
        {
            return null;
        }

        var first = one[0];
        int length = 0, shift = 0;
        do
        {
            await _stream.ReadExactlyAsync(one, Timeout());
            length |= (one[0] & 0x7F) << shift;
            shift += 7;
        }
        while ((one[0] & 0x80) != 0);

        var body = new byte[length];
        await _stream.ReadExactlyAsync(body, Timeout());
        return (first, body);
    }

    /// <summary>Sends bytes written as hex; spaces are for reading and ignored ("20 03 00 00 00").</summary>
    public async Task SendAsync(string hex) =>
        await _stream!.WriteAsync(Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal)), Timeout());

    public async ValueTask DisposeAsync()
    {
        if (_stream is not null)
        {
            await _stream.DisposeAsync();
        }

        _listener.Stop();
    }

    private static CancellationToken Timeout() => new CancellationTokenSource(Patience).Token;
}
