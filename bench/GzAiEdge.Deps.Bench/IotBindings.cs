using System.Device.I2c;
using Iot.Device.Imu;

namespace GzAiEdge.Deps.Bench;

/// <summary>
/// Iot.Device.Bindings for the chips the edge reads: whether it has a MAX30102 binding at all, and what its MPU6050
/// binding writes when asked to fill the FIFO, on a register map standing in for the chip.
/// </summary>
public static class IotBindings
{
    // MPU-6000/6050 register map (RM-MPU-6000A-00): USER_CTRL 0x6A with FIFO_EN bit 6 and FIFO_RESET bit 2 (4.27),
    // FIFO_EN 0x23 choosing what goes into the FIFO (4.6), WHO_AM_I 0x75 = 0x68 (4.32).
    private const byte UserCtrl = 0x6A, FifoEn = 0x23, WhoAmI = 0x75, UserCtrlFifoEnable = 1 << 6, UserCtrlFifoReset = 1 << 2;

    public static IEnumerable<string> Report()
    {
        var assembly = typeof(Mpu6050).Assembly;
        var types = assembly.GetExportedTypes();
        var max3010x = types.Where(t => t.Name.Contains("Max3010", StringComparison.OrdinalIgnoreCase)).Select(t => t.FullName).ToList();
        yield return $"Iot.Device.Bindings {assembly.GetName().Version}: {types.Length} public types";
        yield return $"  MAX30102 (pulse oximeter): {(max3010x.Count == 0 ? "no type named *Max3010*" : string.Join(", ", max3010x))}";

        var chip = new RegisterMap();
        chip.Registers[WhoAmI] = 0x68;
        using var mpu = new Mpu6050(chip);
        chip.Writes.Clear();
        mpu.FifoModes = FifoModes.Accelerometer | FifoModes.GyroscopeX | FifoModes.GyroscopeY | FifoModes.GyroscopeZ;
        var userCtrl = chip.Registers[UserCtrl];
        var writes = string.Join(", ", chip.Writes.Select(w => $"0x{w.Register:X2}←0x{w.Value:X2}"));
        yield return $"  Mpu6050.FifoModes = Accelerometer|GyroscopeX|Y|Z writes {writes}: FIFO_EN (0x23) = 0x{chip.Registers[FifoEn]:X2}, "
            + $"USER_CTRL (0x6A) = 0x{userCtrl:X2}: FIFO_RESET {((userCtrl & UserCtrlFifoReset) != 0 ? "set" : "clear")}, "
            + $"FIFO_EN bit {((userCtrl & UserCtrlFifoEnable) != 0 ? "set" : "never set, so the chip's FIFO stays off and FifoCount stays 0")}";
    }

    /// <summary>An I2C device that is a plain register file: a write sets the register pointer, then stores bytes from it.</summary>
    private sealed class RegisterMap : I2cDevice
    {
        private int _pointer;

        public byte[] Registers { get; } = new byte[128];

        public List<(byte Register, byte Value)> Writes { get; } = [];

        public override I2cConnectionSettings ConnectionSettings { get; } = new(1, Mpu6050.DefaultI2cAddress);

        public override byte ReadByte() => Registers[_pointer++ & 0x7F];

        public override void Read(Span<byte> buffer)
        {
            for (var i = 0; i < buffer.Length; i++)
            {
                buffer[i] = ReadByte();
            }
        }

        public override void WriteByte(byte value) => _pointer = value;

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _pointer = buffer[0];
            foreach (var value in buffer[1..])
            {
                Writes.Add(((byte)_pointer, value));
                Registers[_pointer++ & 0x7F] = value;
            }
        }

        public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
        {
            Write(writeBuffer);
            Read(readBuffer);
        }
    }
}
