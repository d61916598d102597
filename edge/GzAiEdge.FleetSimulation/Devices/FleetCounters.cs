namespace GzAiEdge.FleetSimulation.Devices;

/// <summary>What the whole fleet has done, counted by every device at once.</summary>
public sealed class FleetCounters
{
    private long _connected;
    private long _connectRetries;
    private long _reports;
    private long _acknowledged;
    private long _unrouted;
    private long _failed;
    private long _checkpoints;
    private long _heartbeats;

    public long Connected => Interlocked.Read(ref _connected);

    /// <summary>Connect attempts that failed and were tried again (broker unreachable or busy).</summary>
    public long ConnectRetries => Interlocked.Read(ref _connectRetries);

    /// <summary>KPI reports made and handed to the MQTT client.</summary>
    public long Reports => Interlocked.Read(ref _reports);

    /// <summary>Reports the broker acknowledged with a subscriber to give them to.</summary>
    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    /// <summary>Reports the broker acknowledged with 0x10 No matching subscribers: no ingestion was listening.</summary>
    public long Unrouted => Interlocked.Read(ref _unrouted);

    /// <summary>Reports the broker refused or that could not be sent before the device stopped.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    public long Checkpoints => Interlocked.Read(ref _checkpoints);

    public long Heartbeats => Interlocked.Read(ref _heartbeats);

    public void OnConnected() => Interlocked.Increment(ref _connected);

    public void OnDisconnected() => Interlocked.Decrement(ref _connected);

    public void OnConnectRetry() => Interlocked.Increment(ref _connectRetries);

    public void OnReport() => Interlocked.Increment(ref _reports);

    public void OnAcknowledged() => Interlocked.Increment(ref _acknowledged);

    public void OnUnrouted() => Interlocked.Increment(ref _unrouted);

    public void OnFailed() => Interlocked.Increment(ref _failed);

    public void OnCheckpoint() => Interlocked.Increment(ref _checkpoints);

    public void OnHeartbeat() => Interlocked.Increment(ref _heartbeats);
}
