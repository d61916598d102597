using GzAiEdge.Mqtt.Internal;

namespace GzAiEdge.Mqtt;

/// <summary>
/// A PUBLISH received from the broker. A small value: copies share one pooled payload buffer.
/// </summary>
/// <remarks>
/// <para>The <see cref="Payload"/> is valid until the message is released: by
/// <see cref="MqttClient.AcknowledgeAsync(MqttReceivedMessage, CancellationToken)"/> in manual
/// acknowledgement mode, or by <see cref="Dispose"/>. After that the buffer serves another message,
/// and reading <see cref="Payload"/> through any copy throws <see cref="ObjectDisposedException"/>;
/// copy out what must outlive it first. Everything else (topic, QoS, flags, properties) stays readable.</para>
/// <para>Releasing is what makes receiving allocation-free; a message that is never released is
/// simply collected, so forgetting costs an allocation, never correctness.</para>
/// </remarks>
public readonly struct MqttReceivedMessage : IDisposable
{
    private readonly PayloadBuffer? _payload;
    private readonly int _version;
    private readonly MessageProperties? _properties;
    private readonly byte _flags;

    internal MqttReceivedMessage(string topic, PayloadBuffer? payload, MqttQualityOfService qos, bool retain, bool duplicate,
        ushort packetId, string? contentType, IReadOnlyList<MqttUserProperty>? userProperties)
    {
        Topic = topic;
        _payload = payload;
        _version = payload?.Version ?? 0;
        _flags = (byte)((byte)qos | (retain ? RetainFlag : 0) | (duplicate ? DuplicateFlag : 0));
        PacketId = packetId;
        _properties = contentType is null && userProperties is null ? null : new MessageProperties(contentType, userProperties ?? []);
    }

    private const byte QosMask = 0x03;
    private const byte RetainFlag = 0x04;
    private const byte DuplicateFlag = 0x08;

    /// <summary>The topic the message was published to.</summary>
    public string Topic { get; }

    /// <summary>The payload, in a pooled buffer that belongs to this message until it is released (see the remarks).</summary>
    /// <exception cref="ObjectDisposedException">The message was already acknowledged or disposed.</exception>
    public ReadOnlyMemory<byte> Payload
    {
        get
        {
            if (_payload is null)
            {
                return ReadOnlyMemory<byte>.Empty;
            }

            var memory = _payload.Memory;
            return Volatile.Read(ref _payload.Version) == _version
                ? memory
                : throw new ObjectDisposedException(nameof(MqttReceivedMessage),
                    $"the payload of the message on '{Topic}' was released when the message was acknowledged or disposed");
        }
    }

    /// <summary>The quality of service the broker delivered the message with.</summary>
    public MqttQualityOfService Qos => (MqttQualityOfService)(_flags & QosMask);

    /// <summary>Whether the message is a retained message sent on subscribe.</summary>
    public bool Retain => (_flags & RetainFlag) != 0;

    /// <summary>The DUP flag: the broker may have sent this message before.</summary>
    public bool Duplicate => (_flags & DuplicateFlag) != 0;

    /// <summary>MQTT 5 content type.</summary>
    public string? ContentType => _properties?.ContentType;

    /// <summary>MQTT 5 user properties, empty when there are none.</summary>
    public IReadOnlyList<MqttUserProperty> UserProperties => _properties?.UserProperties ?? [];

    internal ushort PacketId { get; }

    /// <summary>The connection the message arrived on; a PUBACK on another connection would acknowledge the wrong message.</summary>
    internal long Generation { get; init; }

    /// <summary>Position in the connection's receive order, used to send manual PUBACKs in order [MQTT-4.6.0-2].</summary>
    internal long Sequence { get; init; }

    /// <summary>
    /// Gives the payload buffer back for the next message. Needed in automatic acknowledgement mode
    /// (manual mode releases on acknowledgement); releasing twice, or through another copy, does nothing.
    /// </summary>
    public void Dispose() => _payload?.Release(_version);

    private sealed record MessageProperties(string? ContentType, IReadOnlyList<MqttUserProperty> UserProperties);
}
