using System.Runtime.InteropServices;
using GzAiEdge.Devices.Native;

namespace GzAiEdge.Devices.I2c.Interop;

/// <summary>
/// The i2c-dev ioctls of &lt;linux/i2c-dev.h&gt; and the flags of &lt;linux/i2c.h&gt;. These request numbers are
/// plain constants in the header, not <c>_IOC</c> encodings.
/// </summary>
internal static class I2cUapi
{
    public const uint FuncI2c = 0x00000001;
    public const ushort MessageRead = 0x0001;

    /// <summary>i2c-dev refuses longer messages with EINVAL (drivers/i2c/i2c-dev.c, i2cdev_ioctl_rdwr).</summary>
    public const int MaxMessageLength = 8192;

    public static readonly IoctlRequest Slave = new("I2C_SLAVE", 0x0703);
    public static readonly IoctlRequest Funcs = new("I2C_FUNCS", 0x0705);
    public static readonly IoctlRequest ReadWrite = new("I2C_RDWR", 0x0707);
}

/// <summary>
/// <c>struct i2c_msg</c>: one segment of a transfer, beginning with a (repeated) START. Sequential, because it holds a
/// pointer and so differs between 32- and 64-bit (12 or 16 bytes).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct I2cMsg
{
    public ushort Addr;
    public ushort Flags;
    public ushort Len;
    public byte* Buf;
}

/// <summary><c>struct i2c_rdwr_ioctl_data</c>: the argument of <c>I2C_RDWR</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct I2cRdwrIoctlData
{
    public I2cMsg* Msgs;
    public uint Nmsgs;
}
