namespace GzAiEdge.Devices.Gpio;

/// <summary>
/// One input line. Drivers take this, not a chip, so that tests can hand them a line emulator (CONVENTIONS 11).
/// </summary>
public interface IGpioInput : IDisposable
{
    /// <summary>The line for messages, such as <c>/dev/gpiochip0 line 17</c>.</summary>
    string Name { get; }

    /// <summary>The logical value: true is active (high, or low for an active-low line).</summary>
    bool Read();
}

/// <summary>One output line.</summary>
public interface IGpioOutput : IDisposable
{
    /// <summary>The line for messages, such as <c>/dev/gpiochip0 line 17</c>.</summary>
    string Name { get; }

    /// <summary>Sets the logical value: true is active.</summary>
    void Write(bool active);
}

/// <summary>An input line with edge detection: the kernel's timestamped edge events.</summary>
public interface IGpioEdgeEvents : IGpioInput
{
    /// <summary>The clock of <see cref="GpioEdgeEvent.TimestampNs"/>.</summary>
    GpioEventClock Clock { get; }

    /// <summary>Now, in nanoseconds of <see cref="Clock"/>: compares with event timestamps.</summary>
    long ClockNow();

    /// <summary>
    /// Waits until edges arrive or <paramref name="timeout"/> passes, and fills <paramref name="events"/> with as many
    /// as are waiting (oldest first) without blocking further.
    /// </summary>
    /// <returns>How many events were written; 0 when the timeout passed first.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    int WaitForEdges(Span<GpioEdgeEvent> events, TimeSpan timeout, CancellationToken cancellationToken);
}
