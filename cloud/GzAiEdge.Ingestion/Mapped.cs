using GzAiEdge.TimeSeries;

namespace GzAiEdge.Ingestion;

/// <summary>What ingestion does with one message: store it as a point, or dead-letter it with a reason.</summary>
public readonly record struct Mapped(LinePoint? Point, string? DeadLetterReason)
{
    public static Mapped Store(LinePoint point) => new(point, null);

    public static Mapped Reject(string reason) => new(null, reason);
}
