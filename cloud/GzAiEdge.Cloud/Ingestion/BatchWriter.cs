using System.Buffers;
using GzAiEdge.Cloud.DeadLetters;
using GzAiEdge.Cloud.TimeSeries;
using GzAiEdge.Mqtt;

namespace GzAiEdge.Cloud.Ingestion;

/// <summary>
/// Writes a batch of points in one InfluxDB request. When InfluxDB rejects the batch as bad data
/// (something validation did not foresee, e.g. a field type conflict), the points are written one
/// by one so that only the bad ones are dead-lettered and the rest stored.
/// </summary>
public sealed class BatchWriter(InfluxDbClient influx, TimeProvider time)
{
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);

    /// <summary>Stores the points; returns dead letters for the ones InfluxDB refused. Throws when InfluxDB is unavailable.</summary>
    public async Task<IReadOnlyList<DeadLetter>> WriteAsync(IReadOnlyList<(MqttReceivedMessage Message, LinePoint Point)> points,
        CancellationToken cancellationToken)
    {
        if (points.Count == 0)
        {
            return [];
        }

        try
        {
            await influx.WriteAsync(Encode(points.Select(p => p.Point)), cancellationToken);
            return [];
        }
        catch (InfluxDbWriteRejectedException)
        {
            return await WriteOneByOneAsync(points, cancellationToken);
        }
    }

    private async Task<IReadOnlyList<DeadLetter>> WriteOneByOneAsync(
        IReadOnlyList<(MqttReceivedMessage Message, LinePoint Point)> points, CancellationToken cancellationToken)
    {
        var rejected = new List<DeadLetter>();
        foreach (var (message, point) in points)
        {
            try
            {
                await influx.WriteAsync(Encode([point]), cancellationToken);
            }
            catch (InfluxDbWriteRejectedException ex)
            {
                rejected.Add(new DeadLetter(0, time.GetUtcNow(), message.Topic, $"InfluxDB refused the point: {ex.Message}",
                    message.Payload.ToArray()));
            }
        }

        return rejected;
    }

    private ReadOnlyMemory<byte> Encode(IEnumerable<LinePoint> points)
    {
        _buffer.ResetWrittenCount();
        var writer = new LineProtocolWriter(_buffer);
        foreach (var point in points)
        {
            writer.Write(point);
        }

        return _buffer.WrittenMemory;
    }
}
