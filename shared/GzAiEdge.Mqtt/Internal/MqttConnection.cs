using System.Net.Sockets;
using GzAiEdge.Mqtt.Packets;

namespace GzAiEdge.Mqtt.Internal;

/// <summary>
/// One network connection: framed reads into a reused buffer, and writes serialised by one lock so
/// that packets never interleave on the wire. Closing is idempotent and records why.
/// </summary>
internal sealed class MqttConnection
{
    private readonly Stream _stream;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly PacketWriter _writer = new();
    private readonly CancellationTokenSource _closing = new();
    private readonly int _maximumPacketSize;
    private byte[] _readBuffer = new byte[4096];
    private int _readStart;
    private int _readEnd;
    private int _closed;
    private long _lastSent = Environment.TickCount64;
    private long _lastReceived = Environment.TickCount64;
    private volatile bool _deliveryBlocked;

    public MqttConnection(Stream stream, MqttProtocolVersion version, int maximumPacketSize, long generation)
    {
        _stream = stream;
        Version = version;
        _maximumPacketSize = maximumPacketSize;
        Generation = generation;
    }

    public MqttProtocolVersion Version { get; }

    public long Generation { get; }

    public CancellationToken Closing => _closing.Token;

    public Exception? CloseReason { get; private set; }

    /// <summary>The broker's Receive Maximum: QoS 1/2 publishes in flight on this connection [MQTT-3.3.4-7].</summary>
    public SemaphoreSlim SendQuota { get; private set; } = new(0);

    public uint? ServerMaximumPacketSize { get; private set; }

    /// <summary>Manual PUBACK order of messages received on this connection.</summary>
    public InboundAckQueue Acks { get; } = new();

    public long LastSentTicks => Volatile.Read(ref _lastSent);

    public long LastReceivedTicks => Volatile.Read(ref _lastReceived);

    /// <summary>The read loop waits for the application to take messages; a missing PINGRESP is then not the broker's fault.</summary>
    public bool IsDeliveryBlocked
    {
        get => _deliveryBlocked;
        set => _deliveryBlocked = value;
    }

    public void Accept(MqttConnectResult connAck)
    {
        SendQuota = new SemaphoreSlim(connAck.ServerReceiveMaximum);
        ServerMaximumPacketSize = connAck.MaximumPacketSize;
    }

    public async ValueTask<InboundPacket> ReadPacketAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryDecodeBuffered(out var packet, out var packetSize))
            {
                Volatile.Write(ref _lastReceived, Environment.TickCount64);
                return packet;
            }

            MakeRoom(packetSize);
            int read;
            try
            {
                read = await _stream.ReadAsync(_readBuffer.AsMemory(_readEnd), cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
            {
                throw new ConnectionLostException($"reading from the broker failed: {ex.Message}", ex);
            }

            if (read == 0)
            {
                throw new ConnectionLostException("the broker closed the connection");
            }

            _readEnd += read;
        }
    }

    public async ValueTask SendAsync<TState>(TState state, Func<PacketWriter, TState, ReadOnlyMemory<byte>> encode,
        CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            var bytes = encode(_writer, state);
            if (bytes.Length > ServerMaximumPacketSize)
            {
                throw new MqttPublishException(MqttReasonCode.PacketTooLarge,
                    $"packet of {bytes.Length} bytes exceeds the broker's maximum packet size {ServerMaximumPacketSize} [MQTT-3.1.2-24]");
            }

            try
            {
                // The connection's own token, not the caller's: a write cut in half would corrupt the stream.
                await _stream.WriteAsync(bytes, _closing.Token);
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
            {
                Close(ex);
                throw new ConnectionLostException($"writing to the broker failed: {ex.Message}", ex);
            }

            Volatile.Write(ref _lastSent, Environment.TickCount64);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Closes the socket without DISCONNECT; the first reason given wins.</summary>
    public void Close(Exception? reason)
    {
        if (Interlocked.Exchange(ref _closed, 1) == 1)
        {
            return;
        }

        CloseReason = reason;
        _closing.Cancel();
        _stream.Dispose();
    }

    private bool TryDecodeBuffered(out InboundPacket packet, out int packetSize)
    {
        packet = default;
        packetSize = 0;
        var buffered = _readBuffer.AsSpan(_readStart, _readEnd - _readStart);
        if (!MqttFrame.TryReadHeader(buffered, _maximumPacketSize, out var header, out var headerSize, out var remainingLength))
        {
            return false;
        }

        packetSize = headerSize + remainingLength;
        if (buffered.Length < packetSize)
        {
            return false;
        }

        packet = MqttPacketDecoder.Decode(header, buffered.Slice(headerSize, remainingLength), Version);
        _readStart += packetSize;
        return true;
    }

    /// <summary>Moves buffered bytes to the front and grows the buffer to hold a whole packet of <paramref name="packetSize"/>.</summary>
    private void MakeRoom(int packetSize)
    {
        var buffered = _readEnd - _readStart;
        var target = packetSize > _readBuffer.Length ? new byte[packetSize] : _readBuffer;
        if (_readStart > 0 || target != _readBuffer)
        {
            Buffer.BlockCopy(_readBuffer, _readStart, target, 0, buffered);
            _readBuffer = target;
            _readStart = 0;
            _readEnd = buffered;
        }
    }
}
