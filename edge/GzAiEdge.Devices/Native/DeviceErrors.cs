using System.Runtime.InteropServices;
using GzAiEdge.Devices.Gpio;
using GzAiEdge.Devices.Gpio.Interop;
using GzAiEdge.Devices.I2c;
using GzAiEdge.Devices.I2c.Interop;
using static GzAiEdge.Devices.Native.Errno;

namespace GzAiEdge.Devices.Native;

/// <summary>
/// The one place where an errno from the GPIO or I2C layers becomes an exception: <see cref="GpioException"/> or
/// <see cref="I2cException"/>, whose message names the device node, the operation, what the errno means for that
/// device and what to do about it.
/// </summary>
internal static class DeviceErrors
{
    /// <summary>The errno of the last failed P/Invoke on this thread (imports use <c>SetLastError = true</c>).</summary>
    public static int Last => Marshal.GetLastPInvokeError();

    public static IOException Create(int errno, in DeviceCall call)
    {
        var operation = call.Detail is null ? call.Operation : $"{call.Operation} ({call.Detail})";
        var reason = $"{Explain(errno, call)} ({Name(errno)})";

        // A GpioException starts with the chip's path; an I2cException with bus and address, so it adds the path.
        return call.IsGpio
            ? new GpioException(call.Path, call.Line, $"{operation}: {reason}", errno)
            : new I2cException(call.Bus, call.Address, call.Register, $"{operation} on {call.Path}: {reason}");
    }

    private static string Explain(int errno, in DeviceCall call)
    {
        if (call.Operation == DeviceCall.Open)
        {
            return errno switch
            {
                ENOENT => DeviceNodes.DescribeMissing(call.Path, call.Kind),
                EACCES or EPERM => Permission(call),
                ENXIO or ENODEV => "the device node exists but no driver serves it (module not loaded, or a stale node)",
                _ => Marshal.GetPInvokeErrorMessage(errno),
            };
        }

        return call.IsGpio ? ExplainGpio(errno, call) : ExplainI2c(errno, call);
    }

    // Error codes of drivers/gpio/gpiolib-cdev.c (linereq_create, gpio_v2_line_flags_validate, linereq_set_values).
    private static string ExplainGpio(int errno, in DeviceCall call) => errno switch
    {
        ENOTTY when call.Operation == GpioUapi.GetChipInfo.Name =>
            "not a GPIO character device (it does not answer GPIO ioctls)",
        ENOTTY => "this kernel does not support the GPIO character device uAPI v2 (Linux 5.10 or later is needed)",
        EBUSY => call.Consumer is { Length: > 0 } consumer
            ? $"the line is already requested by consumer \"{consumer}\" (another process or a kernel driver); stop it or choose another line"
            : "the line is already requested by another consumer (one that set no label); stop it or choose another line",
        EINVAL => "the kernel refused the request as invalid (flags that contradict each other, or a line offset the chip does not have)",
        EOPNOTSUPP => "the GPIO controller or this kernel does not support the requested configuration (bias, drive, debounce or event clock)",
        ENXIO => "the line cannot raise interrupts, so edge detection and debounce are not possible on it",
        EPERM => "the line is an input; only an output can be set",
        ENODEV => "the GPIO chip is gone (driver unloaded or device unplugged)",
        _ => Marshal.GetPInvokeErrorMessage(errno),
    };

    // Documentation/i2c/fault-codes.rst: what adapters return for each fault.
    private static string ExplainI2c(int errno, in DeviceCall call) => errno switch
    {
        ENOTTY when call.Operation == I2cUapi.Funcs.Name => "not an i2c-dev adapter (it does not answer I2C ioctls)",
        ENXIO or EREMOTEIO or EIO when call.Operation == I2cUapi.ReadWrite.Name =>
            $"no ACK from address 0x{call.Address:x2}: nothing answers there; check power, wiring, pull-ups and the address pins (`i2cdetect -y {call.Bus}` lists what answers)",
        EBUSY when call.Operation == I2cUapi.Slave.Name =>
            $"address 0x{call.Address:x2} is claimed by a kernel driver (see /sys/bus/i2c/devices/{call.Bus}-{call.Address:x4}/driver); unbind that driver first",
        EBUSY => "the bus stayed busy longer than allowed; the adapter may need a reset",
        EAGAIN => "arbitration lost: another bus master transmitted at the same time",
        ETIMEDOUT => "bus timeout: a chip may be holding SCL or SDA low (power-cycle it)",
        EOPNOTSUPP => "the adapter cannot perform this transfer",
        EINVAL => "the adapter refused the transfer as invalid (too long for it, or flags it does not take)",
        ENODEV => "the I2C adapter is gone (driver unloaded or device unplugged)",
        _ => Marshal.GetPInvokeErrorMessage(errno),
    };

    private static string Permission(in DeviceCall call)
    {
        var group = call.IsGpio ? "gpio" : "i2c";
        return $"permission denied: run as a member of the group that owns {call.Path} (usually '{group}'; see `ls -l {call.Path}`) or as root";
    }
}
