namespace GzAiEdge.Ingestion.Quota;

/// <summary>
/// What one device may send (config section <c>Ingestion:Quota</c>). Messages over it are dead-lettered with the
/// reason <c>quota</c> and counted per device, never stored and never dropped silently.
/// </summary>
// Setters, not init: the configuration binding source generator silently skips init-only properties.
public sealed record QuotaOptions
{
    /// <summary>
    /// Largest message a device may send, in bytes. A KPI report is about 1 KB; 64 KiB, the broker's own
    /// <c>message_size_limit</c> in <c>gz-limits.conf</c>, leaves room for the largest valid heartbeat.
    /// </summary>
    public int MaxMessageBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// Messages a device may send per second, sustained. A device reporting every second with heartbeats, events
    /// and checkpoints sends about three.
    /// </summary>
    public double MessagesPerSecond { get; set; } = 50;

    /// <summary>
    /// Messages a device may send at once above the sustained rate: what its outbox replays after an outage (10 000
    /// is nearly three hours of one-second windows with heartbeats). Beyond it, a replay of a longer outage is
    /// dead-lettered at the sustained rate too; raise this where devices stay offline longer.
    /// </summary>
    public int Burst { get; set; } = 10_000;
}
