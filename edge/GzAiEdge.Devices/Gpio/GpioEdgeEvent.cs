namespace GzAiEdge.Devices.Gpio;

/// <summary>A logical edge: <see cref="Rising"/> means the line became active.</summary>
public enum GpioEdge
{
    Rising = 1,
    Falling = 2,
}

/// <summary>
/// One edge as the kernel recorded it (<c>struct gpio_v2_line_event</c>).
/// </summary>
/// <param name="TimestampNs">When the edge happened, in nanoseconds of the request's <see cref="GpioEventClock"/>, taken in the interrupt handler.</param>
/// <param name="Edge">Which edge.</param>
/// <param name="Offset">The line's offset on its chip.</param>
/// <param name="Sequence">Position among all events of the request.</param>
/// <param name="LineSequence">
/// Position among this line's events, from 1. The kernel drops the oldest events when its buffer is full, so a gap
/// here counts lost edges.
/// </param>
public readonly record struct GpioEdgeEvent(long TimestampNs, GpioEdge Edge, int Offset, uint Sequence, uint LineSequence);
