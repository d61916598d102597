using System.Buffers;
using GzAiEdge.Ingestion.DeadLetters;
using GzAiEdge.Mqtt;
using GzAiEdge.TimeSeries;

namespace GzAiEdge.Ingestion;

/// <summary>
/// One batch on its way from the broker to InfluxDB, reused batch after batch: the messages, the
/// line protocol of those to store (one body for one write), where each one's line is (to write
/// them one by one when InfluxDB refuses the body), and the dead letters.
/// </summary>
public sealed class IngestionBatch
{
    private readonly ArrayBufferWriter<byte> _lines = new(256 * 1024);
    private readonly List<(int Message, int Start, int Length)> _stored;

    public IngestionBatch(int capacity)
    {
        Messages = new List<MqttReceivedMessage>(capacity);
        _stored = new List<(int, int, int)>(capacity);
        Writer = new LineProtocolWriter(_lines);
    }

    /// <summary>The messages, in the order they arrived; all are acknowledged when the batch is done.</summary>
    public List<MqttReceivedMessage> Messages { get; }

    /// <summary>Writes into <see cref="Lines"/>; after a write, call <see cref="Stored"/>.</summary>
    public IBufferWriter<byte> Output => _lines;

    /// <summary>The general line protocol writer over <see cref="Output"/>.</summary>
    public LineProtocolWriter Writer { get; }

    /// <summary>The line protocol of every message to store, one per line.</summary>
    public ReadOnlyMemory<byte> Lines => _lines.WrittenMemory;

    public int StoredCount => _stored.Count;

    public List<DeadLetter> Rejected { get; } = [];

    /// <summary>Records that message <paramref name="message"/> wrote its line since <paramref name="start"/>.</summary>
    public void Stored(int message, int start) => _stored.Add((message, start, _lines.WrittenCount - start));

    /// <summary>The stored message <paramref name="index"/> and its line.</summary>
    public (MqttReceivedMessage Message, ReadOnlyMemory<byte> Line) StoredAt(int index)
    {
        var (message, start, length) = _stored[index];
        return (Messages[message], _lines.WrittenMemory.Slice(start, length));
    }

    public void Clear()
    {
        Messages.Clear();
        _stored.Clear();
        Rejected.Clear();
        _lines.ResetWrittenCount();
    }
}
