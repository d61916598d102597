namespace GzAiEdge.Ingestion;

/// <summary>How ingestion reaches the broker and batches writes (config section <c>Ingestion</c>).</summary>
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

    public string BrokerHost { get; set; } = "127.0.0.1";

    public int BrokerPort { get; set; } = 1883;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>PEM CA file; when set the broker connection uses TLS.</summary>
    public string? CaFile { get; set; }

    /// <summary>Unique per instance: the broker keeps one persistent session for each.</summary>
    public string ClientId { get; set; } = "gz-ingest-1";

    /// <summary>Most messages written to InfluxDB in one request.</summary>
    public int BatchSize { get; set; } = 5000;

    /// <summary>Longest a message waits for its batch to fill before the batch is written anyway.</summary>
    public int FlushMilliseconds { get; set; } = 200;

    /// <summary>Unacknowledged messages the broker may send this instance; bounds memory and the batch.</summary>
    public int ReceiveMaximum { get; set; } = 10000;
}
