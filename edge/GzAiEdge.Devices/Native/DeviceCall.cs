namespace GzAiEdge.Devices.Native;

/// <summary>Which kind of device node a call was made on; decides how an errno is explained.</summary>
internal enum DeviceKind
{
    /// <summary><c>/dev/gpiochipN</c>.</summary>
    GpioChip,

    /// <summary>The anonymous file of a line request, returned by <c>GPIO_V2_GET_LINE_IOCTL</c>.</summary>
    GpioLine,

    /// <summary><c>/dev/i2c-N</c>.</summary>
    I2cBus,
}

/// <summary>
/// What was being done when a syscall failed: the device, the operation (<c>open</c>, <c>read</c>, <c>poll</c> or an
/// ioctl's name from the uAPI header) and what is known about the line or chip, so that
/// <see cref="DeviceErrors"/> can write a message an operator can act on.
/// </summary>
internal readonly record struct DeviceCall(DeviceKind Kind, string Path, string Operation)
{
    public const string Open = "open";
    public const string Read = "read";
    public const string Poll = "poll";

    /// <summary>What the operation was asked to do, such as an I2C transfer's shape; null when the name says it all.</summary>
    public string? Detail { get; init; }

    /// <summary>GPIO: the line offset on the chip.</summary>
    public int? Line { get; init; }

    /// <summary>GPIO <c>EBUSY</c>: the consumer that holds the line, from its line info.</summary>
    public string? Consumer { get; init; }

    /// <summary>I2C: the bus number N of <c>/dev/i2c-N</c>.</summary>
    public int Bus { get; init; }

    /// <summary>I2C: the 7-bit address.</summary>
    public int Address { get; init; }

    /// <summary>I2C: the register the transfer was about, if known.</summary>
    public int? Register { get; init; }

    public bool IsGpio => Kind is DeviceKind.GpioChip or DeviceKind.GpioLine;
}
