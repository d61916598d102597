using System.Net;
using System.Net.Sockets;

namespace GzAiEdge.Mqtt.Tests.Support;

/// <summary>A scripted TCP peer on a free loopback port that speaks raw bytes, to misbehave as a real broker never would.</summary>
internal sealed class FakeBroker : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private Socket? _socket;
    private NetworkStream? _stream;

    public FakeBroker() => _listener.Start();

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Accepted { get; private set; }

    public MqttClientOptions Options(MqttProtocolVersion version = MqttProtocolVersion.V500) => new()
    {
        Host = "127.0.0.1",
        Port = Port,
        ClientId = "fake-test",
        ProtocolVersion = version,
        AutoReconnect = false,
        ConnectTimeout = TimeSpan.FromSeconds(5),
    };

    public async Task AcceptAsync()
    {
        _socket?.Dispose();
        _socket = await _listener.AcceptSocketAsync(TestClients.Timeout());
        _stream = new NetworkStream(_socket, ownsSocket: true);
        Accepted++;
    }

    /// <summary>Reads one whole packet: (first byte, body); null when the client closed the connection.</summary>
    public async Task<(byte Header, byte[] Body)?> ReadPacketAsync()
    {
        var one = new byte[1];
        if (await _stream!.ReadAsync(one, TestClients.Timeout()) == 0)
        {
            return null;
        }

        var first = one[0];
        int length = 0, shift = 0;
        do
        {
            await _stream.ReadExactlyAsync(one, TestClients.Timeout());
            length |= (one[0] & 0x7F) << shift;
            shift += 7;
        }
        while ((one[0] & 0x80) != 0);

        var body = new byte[length];
        await _stream.ReadExactlyAsync(body, TestClients.Timeout());
        return (first, body);
    }

    public async Task SendAsync(string hex) =>
        await _stream!.WriteAsync(PacketBytes.Hex(hex), TestClients.Timeout());

    public async ValueTask DisposeAsync()
    {
        if (_stream is not null)
        {
            await _stream.DisposeAsync();
        }

        _listener.Stop();
    }
}
