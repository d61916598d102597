using System.Buffers;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using GzAiEdge.Mqtt.Packets;

namespace GzAiEdge.Mqtt.Internal;

/// <summary>
/// One network connection: framed reads into a pooled buffer, and writes serialised by one lock so
/// that packets never interleave on the wire. Idle, it holds no buffer: when the socket has been read
/// dry it waits with a zero-byte read, and after <see cref="IdleMilliseconds"/> of that the
/// process-wide <see cref="ConnectionTimer"/> gives its read buffer (and an unused write buffer) back
/// to the pool. A busy connection keeps them, so that it does not rent and return per message.
/// Closing is idempotent and records why.
/// </summary>
internal sealed class MqttConnection
{
    /// <summary>How long a connection waits with nothing to read or write before its buffers go back to the pool.</summary>
    public const int IdleMilliseconds = 1000;

    private const int MinReadBuffer = 4 * 1024;
    private const int MaxReadBuffer = 64 * 1024;
    private readonly Stream _stream;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly PacketWriter _writer = new(pooled: true);
    private readonly CancellationTokenSource _closing = new();
    private readonly int _maximumPacketSize;
    private readonly InboundBuffers _buffers;
    private readonly Lock _bufferGate = new();
    private byte[]? _readBuffer;
    private int _readBufferSize = MinReadBuffer;
    private bool _parked;
    private long _parkedSince;
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

    /// <summary>PUBACKs the read loop handled gave quota back while publishes wait; the pump is woken before the loop reads on.</summary>
    public bool QuotaReturned { get; set; }

    public uint? ServerMaximumPacketSize { get; private set; }

    /// <summary>Manual PUBACK order of messages received on this connection.</summary>
    public InboundAckQueue Acks { get; } = new();

    /// <summary>Automatic-mode PUBACKs not yet written, in receive order; the read loop writes them in one go before it waits.</summary>
    public List<ushort> PendingAutoAcks { get; } = [];

    /// <summary>Set once this connection has seen the broker exceed our Receive Maximum (logged once).</summary>
    public bool ReceiveMaximumExceeded { get; set; }

    /// <summary>Keep-alive in milliseconds (0: off) and when the unanswered PINGREQ went out (0: none); the timer's.</summary>
    public long KeepAliveMilliseconds { get; set; }

    public long PingSentAt { get; set; }

    /// <summary>Index in the connection timer's list while registered there.</summary>
    public int KeepAliveSlot { get; set; } = -1;

    public long LastSentTicks => Volatile.Read(ref _lastSent);

    public long LastReceivedTicks => Volatile.Read(ref _lastReceived);

    /// <summary>The read loop waits for the application to take messages; a missing PINGRESP is then not the broker's fault.</summary>
    public bool IsDeliveryBlocked
    {
        get => _deliveryBlocked;
        set => _deliveryBlocked = value;
    }

    /// <summary>When the broker accepted this connection (<see cref="Environment.TickCount64"/>), or 0 before.</summary>
    public long AcceptedAt { get; private set; }

    public void Accept(MqttConnectResult connAck)
    {
        AcceptedAt = Environment.TickCount64;
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
                if (_readStart == _readEnd && _drained && Environment.TickCount64 - LastReceivedTicks >= IdleMilliseconds)
                {
                    // Nothing buffered, the socket read dry and quiet for a while: wait for data with a
                    // zero-byte read, during which the timer may take the buffer back (ReleaseIdleBuffers).
                    // A busy connection reads straight away: the extra call would cost it on every wake-up.
                    var ready = _stream.ReadAsync(Memory<byte>.Empty, cancellationToken);
                    if (!ready.IsCompleted)
                    {
                        Park(true);
                        try
                        {
                            _ = await ready;
                        }
                        finally
                        {
                            Park(false);
                        }
                    }
                    else
                    {
                        _ = await ready;
                    }
                }

                var buffer = MakeRoom(packetSize);
                var read = await _stream.ReadAsync(buffer.AsMemory(_readEnd), cancellationToken);
                if (read == 0)
                {
                    throw new ConnectionLostException("the broker closed the connection");
                }

                _drained = _readEnd + read < buffer.Length;
                if (!_drained)
                {
                    // A full read: the broker has more than the buffer holds, so read more at a time.
                    _readBufferSize = Math.Min(MaxReadBuffer, _readBufferSize * 2);
                }

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
        ConnectionTimer.Remove(this);
        PublishSignal.Close();
        _closing.Cancel();
        _stream.Dispose();
    }

    /// <summary>
    /// Called by the timer: gives the buffers back if the connection has been idle for <see cref="IdleMilliseconds"/>.
    /// The read buffer only while the read loop is parked in its zero-byte read (it then holds no data); the write
    /// buffer only if no write is under way.
    /// </summary>
    public void ReleaseIdleBuffers(long now)
    {
        lock (_bufferGate)
        {
            if (_parked && now - _parkedSince >= IdleMilliseconds)
            {
                ReturnReadBuffer();
            }
        }

        if (now - LastSentTicks >= IdleMilliseconds && _writeLock.Wait(0))
        {
            try
            {
                _writer.ReleaseBuffer();
            }
            finally
            {
                _writeLock.Release();
            }
        }
    }

    /// <summary>The read loop ends: whatever is buffered is dropped with the connection.</summary>
    public void ReleaseReadBuffer()
    {
        lock (_bufferGate)
        {
            ReturnReadBuffer();
        }
    }

    private void Park(bool parked)
    {
        lock (_bufferGate)
        {
            (_parked, _parkedSince) = (parked, Environment.TickCount64);
        }
    }

    private void ReturnReadBuffer()
    {
        if (_readBuffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_readBuffer);
            (_readBuffer, _readStart, _readEnd, _readBufferSize) = (null, 0, 0, MinReadBuffer);
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
        var needed = Math.Max(_readBufferSize, packetSize);
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
