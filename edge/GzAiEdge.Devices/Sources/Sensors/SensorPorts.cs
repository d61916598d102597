using GzAiEdge.Devices.Gpio;
using GzAiEdge.Devices.I2c;
using GzAiEdge.Devices.Sensors.PulseCounter;

namespace GzAiEdge.Devices.Sources.Sensors;

/// <summary>
/// Where sensor sources get their buses and lines: Linux (i2c-dev, the GPIO character device) on a board, emulators
/// in tests (CONVENTIONS 11). Each call opens anew: a source that lost its device after an error asks again.
/// </summary>
public interface ISensorPorts
{
    /// <summary>The chip at 7-bit <paramref name="address"/> on bus <paramref name="bus"/>.</summary>
    /// <exception cref="I2cException">The bus cannot be opened or the address claimed.</exception>
    II2cDevice OpenI2c(int bus, int address);

    /// <summary>The line <paramref name="options"/> name, requested as a pulse counter needs it (both edges, monotonic clock).</summary>
    /// <exception cref="GpioException">The chip cannot be opened or the line requested.</exception>
    IGpioEdgeEvents OpenPulseLine(PulseCounterOptions options);
}

/// <summary>The board's own buses and lines: <c>/dev/i2c-N</c> and <c>/dev/gpiochipN</c>.</summary>
public sealed class LinuxSensorPorts : ISensorPorts
{
    public static LinuxSensorPorts Instance { get; } = new();

    public II2cDevice OpenI2c(int bus, int address) => I2cBusDevice.Open(bus, address);

    public IGpioEdgeEvents OpenPulseLine(PulseCounterOptions options) => PulseCounterLine.Open(options);
}
