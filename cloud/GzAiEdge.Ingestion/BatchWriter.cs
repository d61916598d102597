using GzAiEdge.Ingestion.DeadLetters;
using GzAiEdge.TimeSeries;

namespace GzAiEdge.Ingestion;

/// <summary>
/// Writes a batch's points in one InfluxDB request. When InfluxDB rejects the batch as bad data
/// (something validation did not foresee, e.g. a field type conflict), the points are written one
/// by one so that only the bad ones are dead-lettered and the rest stored.
/// </summary>
public sealed class BatchWriter(InfluxDbClient influx, TimeProvider time)
{
    /// <summary>Stores the points; returns dead letters for the ones InfluxDB refused. Throws when InfluxDB is unavailable.</summary>
    public async Task<IReadOnlyList<DeadLetter>> WriteAsync(IngestionBatch batch, CancellationToken cancellationToken)
    {
        if (batch.StoredCount == 0)
        {
            return [];
        }

        try
        {
            await influx.WriteAsync(batch.Lines, cancellationToken);
            return [];
        }
        catch (InfluxDbWriteRejectedException)
        {
            return await WriteOneByOneAsync(batch, cancellationToken);
        }
    }

    private async Task<IReadOnlyList<DeadLetter>> WriteOneByOneAsync(IngestionBatch batch, CancellationToken cancellationToken)
    {
        var rejected = new List<DeadLetter>();
        for (var i = 0; i < batch.StoredCount; i++)
        {
            var (message, line) = batch.StoredAt(i);
            try
            {
                await influx.WriteAsync(line, cancellationToken);
            }
            catch (InfluxDbWriteRejectedException ex)
            {
                rejected.Add(new DeadLetter(0, time.GetUtcNow(), message.Topic, $"{IngestionMetrics.StorageRefusedPrefix}: {ex.Message}",
                    message.Payload.ToArray()));
            }
        }

        return rejected;
    }
}
