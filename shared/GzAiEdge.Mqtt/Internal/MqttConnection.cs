using System.Buffers;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using GzAiEdge.Mqtt.Packets;

namespace GzAiEdge.Mqtt.Internal;

/// <summary>
/// One network connection: framed reads into a pooled buffer, and writes serialised by one lock so
/// that packets never interleave on the wire. Idle, it holds no buffer: when the socket has been read
/// dry it waits with a zero-byte read and gives the read buffer back meanwhile, and the write buffer
/// goes back after every write. Closing is idempotent and records why.
/// </summary>
internal sealed class MqttConnection
{
    private const int ReadBufferSize = 32 * 1024;
    private readonly Stream _stream;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly PacketWriter _writer = new(pooled: true);
    private readonly CancellationTokenSource _closing = new();
    private readonly int _maximumPacketSize;
    private readonly InboundBuffers _buffers;
    private byte[]? _readBuffer;
    private int _readStart;
    private int _readEnd;
    private bool _drained = true;
    private int _closed;
    private long _lastSent = Environment.TickCount64;
    private long _lastReceived = Environment.TickCount64;
    private volatile bool _deliveryBlocked;

    public MqttConnection(Stream stream, MqttProtocolVersion version, int maximumPacketSize, long generation, InboundBuffers buffers)
    {
        _stream = stream;
        Version = version;
        _maximumPacketSize = maximumPacketSize;
        Generation = generation;
        _buffers = buffers;
    }

    public MqttProtocolVersion Version { get; }

    public long Generation { get; }

    public CancellationToken Closing => _closing.Token;

    public Exception? CloseReason { get; private set; }

    /// <summary>QoS 1/2 publishes this connection may still send before a PUBACK frees one: the broker's Receive Maximum [MQTT-3.3.4-7]. Under the client's lock.</summary>
    public int SendQuota { get; set; }

    /// <summary>Wakes the publish pump: something was queued or quota came back. Closed with the connection.</summary>
    public AsyncSignal PublishSignal { get; } = new();

    public uint? ServerMaximumPacketSize { get; private set; }

    /// <summary>Manual PUBACK order of messages received on this connection.</summary>
    public InboundAckQueue Acks { get; } = new();

    /// <summary>Automatic-mode PUBACKs not yet written, in receive order; the read loop writes them in one go before it waits.</summary>
    public List<ushort> PendingAutoAcks { get; } = [];

    /// <summary>Set once this connection has seen the broker exceed our Receive Maximum (logged once).</summary>
    public bool ReceiveMaximumExceeded { get; set; }

    /// <summary>Keep-alive in milliseconds (0: off) and when the unanswered PINGREQ went out (0: none).</summary>
    public long KeepAliveMilliseconds { get; set; }

    public long PingSentAt { get; set; }

    /// <summary>Index in the keep-alive timer's list while registered there.</summary>
    public int KeepAliveSlot { get; set; } = -1;

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
        SendQuota = connAck.ServerReceiveMaximum;
        ServerMaximumPacketSize = connAck.MaximumPacketSize;
    }

    /// <summary>The next packet if a whole one is already buffered; no I/O.</summary>
    public bool TryReadBuffered(out InboundPacket packet) => TryDecodeBuffered(out packet, out _);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<InboundPacket> ReadPacketAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryDecodeBuffered(out var packet, out var packetSize))
            {
                return packet;
            }

            try
            {
                if (_readStart == _readEnd && _drained)
                {
                    // Nothing buffered and the last read emptied the socket: wait for data without holding a buffer.
                    ReleaseReadBuffer();
                    _ = await _stream.ReadAsync(Memory<byte>.Empty, cancellationToken);
                }

                var buffer = MakeRoom(packetSize);
                var read = await _stream.ReadAsync(buffer.AsMemory(_readEnd), cancellationToken);
                if (read == 0)
                {
                    throw new ConnectionLostException("the broker closed the connection");
                }

                _drained = _readEnd + read < buffer.Length;
                _readEnd += read;
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
            {
                throw new ConnectionLostException($"reading from the broker failed: {ex.Message}", ex);
            }
        }
    }

    /// <summary>Encodes one or more packets with <paramref name="encode"/> and writes them in one write.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask SendAsync<TState>(TState state, Action<PacketWriter, TState> encode, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            _writer.Reset();
            encode(_writer, state);
            if (_writer.LargestPacket > ServerMaximumPacketSize)
            {
                throw new MqttPublishException(MqttReasonCode.PacketTooLarge,
                    $"packet of {_writer.LargestPacket} bytes exceeds the broker's maximum packet size {ServerMaximumPacketSize} [MQTT-3.1.2-24]");
            }

            var bytes = _writer.Written;
            if (bytes.IsEmpty)
            {
                return;
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
            _writer.ReleaseBuffer();
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
        KeepAliveTimer.Remove(this);
        PublishSignal.Close();
        _closing.Cancel();
        _stream.Dispose();
    }

    /// <summary>Gives the read buffer back when it holds nothing (or, when the read loop ends, whatever it holds): only the read loop uses it.</summary>
    public void ReleaseReadBuffer(bool discard = false)
    {
        if (_readBuffer is not null && (discard || _readStart == _readEnd))
        {
            ArrayPool<byte>.Shared.Return(_readBuffer);
            (_readBuffer, _readStart, _readEnd) = (null, 0, 0);
        }
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

        packet = MqttPacketDecoder.Decode(header, buffered.Slice(headerSize, remainingLength), Version, _buffers);
        _readStart += packetSize;
        Volatile.Write(ref _lastReceived, Environment.TickCount64);
        return true;
    }

    /// <summary>A read buffer with the buffered bytes at its front and room for a whole packet of <paramref name="packetSize"/>.</summary>
    private byte[] MakeRoom(int packetSize)
    {
        var buffered = _readEnd - _readStart;
        var needed = Math.Max(ReadBufferSize, packetSize);
        if (_readBuffer is not null && _readBuffer.Length >= needed && _readBuffer.Length - _readEnd >= Math.Max(packetSize - buffered, 1))
        {
            return _readBuffer;
        }

        var target = _readBuffer is not null && _readBuffer.Length >= needed ? _readBuffer : ArrayPool<byte>.Shared.Rent(needed);
        if (_readBuffer is not null)
        {
            Buffer.BlockCopy(_readBuffer, _readStart, target, 0, buffered);
            if (target != _readBuffer)
            {
                ArrayPool<byte>.Shared.Return(_readBuffer);
            }
        }

        (_readBuffer, _readStart, _readEnd) = (target, 0, buffered);
        return target;
    }
}
