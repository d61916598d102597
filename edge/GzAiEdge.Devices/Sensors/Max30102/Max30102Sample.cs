namespace GzAiEdge.Devices.Sensors.Max30102;

/// <summary>
/// One FIFO sample: red and IR ADC counts, 18-bit left-justified (0..262143 whatever the resolution).
/// <see cref="Index"/> counts samples since the FIFO started, lost ones included, so a gap in it is a gap in the
/// data; <see cref="Time"/> is <see cref="Index"/> over the sample rate.
/// </summary>
public readonly record struct Max30102Sample(long Index, TimeSpan Time, int Red, int Ir);
