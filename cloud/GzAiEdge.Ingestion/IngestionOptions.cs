using GzAiEdge.Ingestion.Quota;

namespace GzAiEdge.Ingestion;

/// <summary>
/// How ingestion batches writes (config section <c>Ingestion</c>); the broker and ingestion's identity on it are in
/// <see cref="Broker.CloudBrokerOptions"/> (<c>Broker</c>, <c>Broker:Ingest</c>).
/// </summary>
// Setters, not init: the configuration binding source generator silently skips init-only properties.
public sealed record IngestionOptions
{
    public const string Section = "Ingestion";

    /// <summary>
    /// On by default. Off, the instance connects to no broker and stores nothing: it serves the API and the
    /// dashboard over what the ingesting instances stored (a read replica, or an in-process test host). The live
    /// feed subscribes only behind this instance's ingestion, so it must be off too.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Most messages written to InfluxDB in one request.</summary>
    public int BatchSize { get; set; } = 5000;

    /// <summary>Longest a message waits for its batch to fill before the batch is written anyway.</summary>
    public int FlushMilliseconds { get; set; } = 200;

    /// <summary>Unacknowledged messages the broker may send this instance; bounds memory and the batch.</summary>
    public int ReceiveMaximum { get; set; } = 10000;

    /// <summary>What one device may send (<c>Ingestion:Quota</c>).</summary>
    public QuotaOptions Quota { get; set; } = new();
}
