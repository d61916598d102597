namespace GzAiEdge.Devices.Gpio;

/// <summary>
/// A GPIO chip or line could not be opened, requested, read or set. The message names the chip's device node, the
/// line, the operation and what to do.
/// </summary>
public sealed class GpioException : IOException
{
    public GpioException(string chip, int? line, string message, int errno = 0)
        : base(line is { } l ? $"{chip} line {l}: {message}" : $"{chip}: {message}")
    {
        Chip = chip;
        Line = line;
        Errno = errno;
    }

    /// <summary>The chip's device node, such as <c>/dev/gpiochip0</c>.</summary>
    public string Chip { get; }

    /// <summary>The line offset on the chip, when the failure was about one line.</summary>
    public int? Line { get; }

    /// <summary>The errno of the failed syscall; 0 when the failure was found before calling the kernel.</summary>
    public int Errno { get; }
}
