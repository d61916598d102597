using GzAiEdge.Devices.I2c;
using GzAiEdge.Testing.Devices.Emulation;

namespace GzAiEdge.Devices.Tests.I2c;

public sealed class RegisterAccessTests
{
    private readonly PlainChip _chip = new();

    [Fact]
    public void A_burst_read_sets_the_pointer_and_auto_increments()
    {
        _chip.Registers[0x10] = 0xAB;
        _chip.Registers[0x11] = 0xCD;
        Span<byte> read = stackalloc byte[2];

        _chip.ReadRegisters(0x10, read);

        Assert.Equal([0xAB, 0xCD], read.ToArray());
        Assert.Equal(0xABCD, _chip.ReadUInt16BigEndian(0x10));
        Assert.Equal(2, _chip.Transfers); // one combined write-read per call
    }

    [Fact]
    public void A_register_write_is_pointer_then_value()
    {
        _chip.WriteRegister(0x20, 0x5A);

        Assert.Equal([(0x20, (byte)0x5A)], _chip.Writes);
    }

    [Fact]
    public void A_failure_without_a_register_is_rethrown_naming_the_register()
    {
        _chip.FailReadAfter(1);

        var ex = Assert.Throws<I2cException>(() => _chip.ReadUInt16BigEndian(0x72));

        Assert.Equal((7, 0x42, 0x72), (ex.Bus, ex.Address, ex.Register!.Value));
        Assert.Equal("i2c-7 address 0x42 register 0x72: reading 2 byte(s) failed (i2c-7 address 0x42: transfer failed after 1 of 2 bytes (EREMOTEIO))", ex.Message);
        Assert.IsType<I2cException>(ex.InnerException);
    }

    [Fact]
    public void A_failed_write_names_the_register_and_the_value()
    {
        _chip.Acknowledges = false;

        var ex = Assert.Throws<I2cException>(() => _chip.WriteRegister(0x6B, 0x80));

        Assert.StartsWith("i2c-7 address 0x42 register 0x6b: writing 0x80 failed (", ex.Message);
    }

    [Fact]
    public void A_failure_that_already_names_a_register_passes_unchanged()
    {
        var device = new NamingDevice();

        var ex = Assert.Throws<I2cException>(() => device.ReadRegister(0x10));

        Assert.Same(NamingDevice.Failure, ex);
    }

    [Fact]
    public void A_setting_that_did_not_hold_is_reported()
    {
        _chip.ExpectReadBack(0x19, 0x07, 0x07);

        var ex = Assert.Throws<I2cException>(() => _chip.ExpectReadBack(0x19, 0x00, 0x07));

        Assert.Equal("i2c-7 address 0x42 register 0x19: reads 0x00 after 0x07 was written: the chip did not take the setting", ex.Message);
    }

    private sealed class PlainChip() : RegisterMapEmulator(7, 0x42)
    {
        public byte[] Registers { get; } = new byte[256];

        protected override byte ReadRegister(int register) => Registers[register];

        protected override void WriteRegister(int register, byte value) => Registers[register] = value;
    }

    private sealed class NamingDevice : II2cDevice
    {
        public static readonly I2cException Failure = new(2, 0x10, 0x10, "already named");

        public int Bus => 2;

        public int Address => 0x10;

        public void Write(ReadOnlySpan<byte> data) => throw Failure;

        public void Read(Span<byte> buffer) => throw Failure;

        public void WriteRead(ReadOnlySpan<byte> write, Span<byte> read) => throw Failure;

        public void Dispose()
        {
        }
    }
}
