using GzAiEdge.Devices.I2c.Interop;
using GzAiEdge.Devices.Native;

namespace GzAiEdge.Devices.I2c;

/// <summary>
/// One chip on a Linux I2C bus through i2c-dev (<c>/dev/i2c-N</c>, Documentation/i2c/dev-interface.rst). Every
/// transfer is one <c>I2C_RDWR</c> ioctl, so <see cref="WriteRead"/> is a real repeated START with no STOP between
/// its halves (which plain read(2)/write(2) cannot do). The message array is pinned once and the caller's spans are
/// pinned for the call, so a transfer allocates nothing.
/// </summary>
/// <remarks>
/// A transfer that loses arbitration (EAGAIN, Documentation/i2c/fault-codes.rst: another master transmitted at the
/// same time) is retried up to <c>arbitrationRetries</c> times, since nothing reached the chip; no other fault is
/// retried, because a write that was NACKed halfway may have had effects. Transfers on one instance are serialised.
/// </remarks>
public sealed unsafe class I2cBusDevice : II2cDevice
{
    private readonly FileDescriptor _fd;
    private readonly string _path;
    private readonly int _retries;
    private readonly I2cMsg[] _messages = GC.AllocateArray<I2cMsg>(2, pinned: true);
    private readonly Lock _lock = new();

    /// <summary>Over a descriptor already open and checked; tests use it to drive transfers into real syscalls.</summary>
    internal I2cBusDevice(FileDescriptor fd, string path, int bus, int address, int retries)
    {
        _fd = fd;
        _path = path;
        Bus = bus;
        Address = address;
        _retries = retries;
    }

    public int Bus { get; }

    public int Address { get; }

    /// <summary>Opens <c>/dev/i2c-<paramref name="bus"/></c> for the chip at 7-bit <paramref name="address"/>.</summary>
    public static I2cBusDevice Open(int bus, int address, int arbitrationRetries = 2) =>
        Open($"/dev/i2c-{bus}", bus, address, arbitrationRetries);

    internal static I2cBusDevice Open(string path, int bus, int address, int arbitrationRetries = 2)
    {
        // 0x00–0x02 and 0x78–0x7f are reserved (I2C specification, 3.1.12; i2c_check_7bit_addr_validity_strict).
        if (address is < 0x03 or > 0x77)
        {
            throw new I2cException(bus, address, null, $"0x{address:x2} is not a 7-bit device address (0x03 to 0x77)");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(arbitrationRetries);
        var call = new DeviceCall(DeviceKind.I2cBus, path, string.Empty) { Bus = bus, Address = address };
        var fd = FileDescriptor.Open(path, LibC.ORdWr, call);
        try
        {
            CheckAdapter(fd, call);
            return new I2cBusDevice(fd, path, bus, address, arbitrationRetries);
        }
        catch
        {
            fd.Dispose();
            throw;
        }
    }

    public void Write(ReadOnlySpan<byte> data)
    {
        fixed (byte* buffer = data)
        {
            lock (_lock)
            {
                _messages[0] = Message(0, buffer, data.Length);
                Transfer(1, null);
            }
        }
    }

    public void Read(Span<byte> buffer)
    {
        fixed (byte* target = buffer)
        {
            lock (_lock)
            {
                _messages[0] = Message(I2cUapi.MessageRead, target, buffer.Length);
                Transfer(1, null);
            }
        }
    }

    public void WriteRead(ReadOnlySpan<byte> write, Span<byte> read)
    {
        fixed (byte* source = write)
        fixed (byte* target = read)
        {
            lock (_lock)
            {
                _messages[0] = Message(0, source, write.Length);
                _messages[1] = Message(I2cUapi.MessageRead, target, read.Length);
                int? register = write.Length == 1 ? write[0] : null;
                Transfer(2, register);
            }
        }
    }

    public void Dispose() => _fd.Dispose();

    private static void CheckAdapter(FileDescriptor fd, in DeviceCall call)
    {
        nuint functions = 0;
        var errno = fd.Ioctl(I2cUapi.Funcs, &functions);
        if (errno != 0)
        {
            throw DeviceErrors.Create(errno, call with { Operation = I2cUapi.Funcs.Name });
        }

        if ((functions & I2cUapi.FuncI2c) == 0)
        {
            throw new I2cException(call.Bus, call.Address, null,
                $"{I2cUapi.Funcs.Name} on {call.Path}: the adapter is SMBus-only (no I2C_FUNC_I2C, functions 0x{functions:x8}), so it cannot do the plain and repeated-START transfers of I2C_RDWR; wire the chip to a full I2C bus");
        }

        // I2C_RDWR itself ignores bound drivers; claiming the address first refuses to talk over one (EBUSY).
        errno = fd.Ioctl(I2cUapi.Slave, (nuint)call.Address);
        if (errno != 0)
        {
            throw DeviceErrors.Create(errno, call with { Operation = I2cUapi.Slave.Name });
        }
    }

    private I2cMsg Message(ushort flags, byte* buffer, int length)
    {
        if (length > I2cUapi.MaxMessageLength)
        {
            throw new I2cException(Bus, Address, null, $"a {length}-byte transfer is longer than i2c-dev takes ({I2cUapi.MaxMessageLength} bytes)");
        }

        return new I2cMsg { Addr = (ushort)Address, Flags = flags, Len = (ushort)length, Buf = buffer };
    }

    private void Transfer(int count, int? register)
    {
        fixed (I2cMsg* messages = _messages)
        {
            var data = new I2cRdwrIoctlData { Msgs = messages, Nmsgs = (uint)count };
            int errno;
            var attempt = 0;
            while ((errno = _fd.Ioctl(I2cUapi.ReadWrite, &data)) == Errno.EAGAIN && attempt++ < _retries)
            {
            }

            if (errno != 0)
            {
                var call = new DeviceCall(DeviceKind.I2cBus, _path, I2cUapi.ReadWrite.Name)
                {
                    Bus = Bus,
                    Address = Address,
                    Register = register,
                    Detail = Describe(count),
                };
                throw DeviceErrors.Create(errno, call);
            }
        }
    }

    // Built only when a transfer failed, so that a good transfer formats nothing.
    private string Describe(int count)
    {
        static string Part(in I2cMsg m) => (m.Flags & I2cUapi.MessageRead) != 0 ? $"read {m.Len} bytes" : $"write {m.Len} bytes";
        return count == 1 ? Part(_messages[0]) : $"{Part(_messages[0])}, repeated START, {Part(_messages[1])}";
    }
}
