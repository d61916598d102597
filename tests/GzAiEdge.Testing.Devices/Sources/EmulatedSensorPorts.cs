using GzAiEdge.Devices.Gpio;
using GzAiEdge.Devices.I2c;
using GzAiEdge.Devices.Sensors.PulseCounter;
using GzAiEdge.Devices.Sources.Sensors;
using GzAiEdge.Testing.Devices.Emulation;
using GzAiEdge.Testing.Devices.Gpio;

namespace GzAiEdge.Testing.Devices.Sources;

/// <summary>
/// A board whose buses hold the test's chip emulators and whose GPIO chip holds one emulated line. A bus or address
/// with nothing on it fails as the kernel's i2c-dev does for a chip that does not answer: an <see cref="I2cException"/>
/// naming bus and address. Each open counts, so that a test can see a source open its device again; closing what was
/// opened leaves the chip on its bus, powered, as closing /dev/i2c-N does.
/// </summary>
public sealed class EmulatedSensorPorts : ISensorPorts
{
    private readonly Dictionary<(int Bus, int Address), RegisterMapEmulator> _chips = [];

    /// <summary>The line every pulse-counter request gets, or null for a chip without it.</summary>
    public GpioLineEmulator? Line { get; set; }

    /// <summary>Times a bus device or line was opened.</summary>
    public int Opens { get; private set; }

    /// <summary>Puts <paramref name="chip"/> on its bus at its address.</summary>
    public EmulatedSensorPorts With(RegisterMapEmulator chip)
    {
        _chips[(chip.Bus, chip.Address)] = chip;
        return this;
    }

    public II2cDevice OpenI2c(int bus, int address)
    {
        Opens++;
        return _chips.TryGetValue((bus, address), out var chip)
            ? new Handle(chip)
            : throw new I2cException(bus, address, null, "no device answers (emulated bus)");
    }

    public IGpioEdgeEvents OpenPulseLine(PulseCounterOptions options)
    {
        Opens++;
        return Line ?? throw new GpioException(options.Chip, options.Line, "no such line (emulated chip)");
    }

    private sealed class Handle(RegisterMapEmulator chip) : II2cDevice
    {
        public int Bus => chip.Bus;

        public int Address => chip.Address;

        public void Write(ReadOnlySpan<byte> data) => chip.Write(data);

        public void Read(Span<byte> buffer) => chip.Read(buffer);

        public void WriteRead(ReadOnlySpan<byte> write, Span<byte> read) => chip.WriteRead(write, read);

        public void Dispose()
        {
        }
    }
}
