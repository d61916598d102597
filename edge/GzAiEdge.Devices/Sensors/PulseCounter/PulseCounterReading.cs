namespace GzAiEdge.Devices.Sensors.PulseCounter;

/// <summary>What the line looks like now.</summary>
public enum PulseLineHealth
{
    Ok,

    /// <summary>Active for at least <see cref="PulseCounterOptions.StuckActiveSeconds"/>.</summary>
    StuckActive,

    /// <summary>Inactive, with no detection for at least <see cref="PulseCounterOptions.SilentSeconds"/>.</summary>
    Silent,
}

/// <summary>A pulse counter's state at one moment of the event clock.</summary>
/// <param name="Count">Detections since the counter started (a line already active at start is not one).</param>
/// <param name="PulsesInWindow">Detections that began within <paramref name="Window"/>.</param>
/// <param name="Window">The span rate and occupancy cover: the rate window, or less while the counter is younger.</param>
/// <param name="PerSecond">Detections per second over the window.</param>
/// <param name="PerHour">The same per hour (vehicles per hour for a loop detector).</param>
/// <param name="Occupancy">The share of the window the line was active, 0 to 1 (loop occupancy).</param>
/// <param name="OccupiedTotal">Active time since the counter started.</param>
/// <param name="LastPulseWidth">How long the last finished detection lasted.</param>
/// <param name="Rejected">Active spells shorter than MinPulseMs and drop-outs shorter than MinGapMs: chatter not counted.</param>
/// <param name="LostEvents">Edges the kernel dropped because its buffer was full (gaps in line_seqno).</param>
/// <param name="Active">The line's debounced level.</param>
/// <param name="InStateFor">How long it has held that level.</param>
/// <param name="Health">Stuck or silent line, from <paramref name="Active"/> and <paramref name="InStateFor"/>.</param>
public sealed record PulseCounterReading(
    long Count,
    long PulsesInWindow,
    TimeSpan Window,
    double PerSecond,
    double PerHour,
    double Occupancy,
    TimeSpan OccupiedTotal,
    TimeSpan? LastPulseWidth,
    long Rejected,
    long LostEvents,
    bool Active,
    TimeSpan InStateFor,
    PulseLineHealth Health);
