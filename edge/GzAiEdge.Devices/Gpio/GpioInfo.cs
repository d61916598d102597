namespace GzAiEdge.Devices.Gpio;

/// <summary>A GPIO chip as the kernel names it (<c>struct gpiochip_info</c>).</summary>
/// <param name="Name">The kernel's name, such as <c>gpiochip0</c>.</param>
/// <param name="Label">The controller, such as <c>pinctrl-bcm2711</c> or <c>tegra234-gpio</c>.</param>
/// <param name="Lines">How many lines it has: offsets run from 0 to Lines − 1.</param>
public sealed record GpioChipInfo(string Name, string Label, int Lines);

/// <summary>One line of a chip (<c>struct gpio_v2_line_info</c>).</summary>
/// <param name="Offset">The line's offset on the chip.</param>
/// <param name="Name">The board's name for it (such as <c>GPIO17</c>), or empty.</param>
/// <param name="Consumer">Who requested it, or empty.</param>
/// <param name="Flags">Direction, bias, drive, edges and clock as configured now.</param>
/// <param name="Debounce">The debounce period in effect, when one is set.</param>
public sealed record GpioLineInfo(int Offset, string Name, string Consumer, GpioLineFlags Flags, TimeSpan? Debounce);
