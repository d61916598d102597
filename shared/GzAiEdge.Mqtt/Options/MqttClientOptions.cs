namespace GzAiEdge.Mqtt;

/// <summary>Settings of one <see cref="MqttClient"/>.</summary>
public sealed record MqttClientOptions
{
    /// <summary>Broker host name or address.</summary>
    public required string Host { get; init; }

    /// <summary>Broker port; 1883 by default (8883 is usual for TLS).</summary>
    public int Port { get; init; } = 1883;

    /// <summary>The client identifier; the broker keys the session on it.</summary>
    public required string ClientId { get; init; }

    /// <summary>The protocol version; MQTT 5 by default.</summary>
    public MqttProtocolVersion ProtocolVersion { get; init; } = MqttProtocolVersion.V500;

    /// <summary>Clean start (clean session in 3.1.1) on the first connect; reconnects resume the session when there is one.</summary>
    public bool CleanStart { get; init; } = true;

    /// <summary>
    /// Subscribe again by itself to what this client subscribed to when a reconnect finds no
    /// session (the default). Off: the caller restores them on <see cref="MqttClient.ConnectionStateChanged"/>,
    /// for example to order them after another client's subscriptions.
    /// </summary>
    public bool RestoreSubscriptions { get; init; } = true;

    /// <summary>MQTT 5 session expiry interval; 0 ends the session with the connection.</summary>
    public uint SessionExpiryIntervalSeconds { get; init; }

    /// <summary>Keep-alive in seconds; 0 disables keep-alive (and dead-broker detection).</summary>
    public ushort KeepAliveSeconds { get; init; } = 30;

    /// <summary>User name, or null.</summary>
    public string? Username { get; init; }

    /// <summary>Password, or null.</summary>
    public string? Password { get; init; }

    /// <summary>The will message, or null.</summary>
    public MqttWill? Will { get; init; }

    /// <summary>How many unacknowledged QoS 1/2 messages the broker may send us (announced in CONNECT).</summary>
    public ushort ReceiveMaximum { get; init; } = 100;

    /// <summary>Largest packet accepted from the broker; larger packets end the connection with 0x95 Packet too large.</summary>
    public int MaximumPacketSize { get; init; } = 1 << 20;

    /// <summary>TLS settings, or null for plain TCP.</summary>
    public MqttTlsOptions? Tls { get; init; }

    /// <summary>Reconnect after a lost connection, with exponential backoff and jitter.</summary>
    public bool AutoReconnect { get; init; } = true;

    /// <summary>Smallest reconnect delay.</summary>
    public TimeSpan ReconnectDelayMin { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Largest reconnect delay.</summary>
    public TimeSpan ReconnectDelayMax { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Connections a SUBSCRIBE or UNSUBSCRIBE is sent on before it fails, when each is lost before the broker answers
    /// (with <see cref="AutoReconnect"/>; 3 by default). A broker may refuse a request by closing the connection.
    /// </summary>
    public int RequestAttempts { get; init; } = 3;

    /// <summary>Time allowed for TCP, TLS and CONNACK together.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>When true, QoS 1 messages are acknowledged only by <see cref="MqttClient.AcknowledgeAsync(MqttReceivedMessage, CancellationToken)"/>.</summary>
    public bool ManualAcknowledgement { get; init; }
}
