using System.Diagnostics.Metrics;
using GzAiEdge.Ingestion.DeadLetters;
using GzAiEdge.Ingestion.Quota;

namespace GzAiEdge.Ingestion;

/// <summary>
/// Ingestion's instruments (meter <see cref="MeterName"/>; docs/operations.md lists what each means). Nothing is
/// recorded per message: the stored and dead-lettered counts are observed from <see cref="IngestionStats"/> when a
/// scrape asks, and the rest is recorded once per batch or per failed store attempt.
/// </summary>
public sealed class IngestionMetrics
{
    public const string MeterName = "GzAiEdge.Ingestion";

    /// <summary>The bounded set of dead-letter reasons a metric carries (the letter itself keeps the full reason).</summary>
    public const string OverQuota = "over-quota";
    public const string StorageRefused = "storage-refused";
    public const string Invalid = "invalid";

    /// <summary>How <see cref="BatchWriter"/> words a point InfluxDB refused.</summary>
    internal const string StorageRefusedPrefix = "InfluxDB refused the point";

    private readonly Histogram<double> _batchWrite;
    private readonly Counter<long> _storeFailures;

    public IngestionMetrics(IMeterFactory meters, IngestionStats stats, IngestionConnection connection)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableCounter("gz.ingest.messages", () => stats.Stored, "{message}", "Messages stored in InfluxDB and acknowledged");
        meter.CreateObservableCounter("gz.ingest.batches", () => stats.Batches, "{batch}", "Batches stored and acknowledged");
        meter.CreateObservableCounter<long>("gz.ingest.dead_letters", () => (Measurement<long>[])
        [
            new Measurement<long>(stats.DeadLetteredBy(OverQuota), new KeyValuePair<string, object?>("reason", OverQuota)),
            new Measurement<long>(stats.DeadLetteredBy(StorageRefused), new KeyValuePair<string, object?>("reason", StorageRefused)),
            new Measurement<long>(stats.DeadLetteredBy(Invalid), new KeyValuePair<string, object?>("reason", Invalid)),
        ], "{message}", "Messages kept in the dead-letter store instead of stored, by reason");
        meter.CreateObservableGauge("gz.broker.connected", () => new Measurement<int>(connection.Client.IsConnected ? 1 : 0,
            new KeyValuePair<string, object?>("connection", "ingest")), description: "1 while ingestion's MQTT connection is up");
        _batchWrite = meter.CreateHistogram<double>("gz.ingest.batch_write.duration", "s", "Time to store one batch in InfluxDB (retries included)");
        _storeFailures = meter.CreateCounter<long>("gz.ingest.store_errors", "{error}", "Failed attempts to store a batch, by store (influxdb, dead-letters)");
    }

    /// <summary>The metric reason of a dead letter.</summary>
    public static string ReasonOf(DeadLetter letter) =>
        letter.Reason.StartsWith(QuotaReason.Prefix, StringComparison.Ordinal) ? OverQuota
        : letter.Reason.StartsWith(StorageRefusedPrefix, StringComparison.Ordinal) ? StorageRefused
        : Invalid;

    internal void BatchWritten(TimeSpan elapsed) => _batchWrite.Record(elapsed.TotalSeconds);

    internal void StoreFailed(string store) => _storeFailures.Add(1, new KeyValuePair<string, object?>("store", store));
}
