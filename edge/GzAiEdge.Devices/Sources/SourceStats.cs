namespace GzAiEdge.Devices.Sources;

/// <summary>Where a source is in its life.</summary>
public enum SourceState
{
    /// <summary>Opening: a camera's child process started, its first frame not yet in.</summary>
    Connecting,

    /// <summary>Delivering.</summary>
    Streaming,

    /// <summary>Nothing arrived for too long; the source is being restarted.</summary>
    Stalled,

    /// <summary>Waiting before the next restart (<see cref="SourceStats.Reason"/> says what went wrong).</summary>
    Backoff,

    /// <summary>A recording without loop played to its end.</summary>
    Ended,

    /// <summary>Given up: retrying cannot help (<see cref="SourceStats.Reason"/> says why and what to do).</summary>
    Failed,

    /// <summary>Disposed.</summary>
    Stopped,
}

/// <summary>
/// A source's health, as the heartbeat reports it. Counts are since the source was opened; "inputs" are frames
/// for a frame source and samples for a signal source. Received = delivered + dropped + still queued.
/// </summary>
/// <param name="Kind">What the source is: <c>camera</c>, <c>replay</c>, a sensor name.</param>
/// <param name="State">Where it is in its life.</param>
/// <param name="Reason">
/// Why it is not streaming (the last error, with the child's own message or the bus, address and register), or null;
/// while streaming, a warning about what it measures (a pulse counter's stuck or silent line).
/// </param>
/// <param name="Received">Inputs that arrived.</param>
/// <param name="Delivered">Inputs handed to the pipeline.</param>
/// <param name="Dropped">Inputs thrown away because the pipeline was behind (oldest first).</param>
/// <param name="Reconnects">Restarts after the first start.</param>
/// <param name="LastInput">When the newest input arrived, or null before the first.</param>
/// <param name="Lost">
/// Inputs that never arrived: a sensor's samples overwritten in its FIFO, cut by a bus error or due while it was
/// down, estimated from its sample rate.
/// </param>
/// <param name="Skipped">Inputs taken but not delivered because they held no value (a PPG second with no finger on the sensor).</param>
public sealed record SourceStats(
    string Kind, SourceState State, string? Reason, long Received, long Delivered, long Dropped, long Reconnects, DateTimeOffset? LastInput,
    long Lost = 0, long Skipped = 0);
