using GzAiEdge.Devices.Gpio;
using GzAiEdge.Testing;

namespace GzAiEdge.Devices.Tests.Gpio;

/// <summary>Opening chips through the real open(2) and ioctl(2); no GPIO hardware needed.</summary>
public sealed class GpioChipTests
{
    [Fact]
    public void Missing_chip_lists_the_chips_that_are_there()
    {
        using var dev = new TempFolder("gz-dev");
        foreach (var name in new[] { "gpiochip10", "gpiochip0", "gpiochip2", "i2c-1" })
        {
            File.WriteAllText(dev.File(name), "");
        }

        var path = dev.File("gpiochip5");
        var e = Assert.Throws<GpioException>(() => GpioChip.Open(path));

        Assert.Equal($"{path}: open: no such GPIO chip; {dev.Path} has gpiochip0, gpiochip2, gpiochip10 (ENOENT)", e.Message);
        Assert.Equal(2, e.Errno);
    }

    [Fact]
    public void Missing_chip_in_a_folder_without_chips_says_why_there_may_be_none()
    {
        using var dev = new TempFolder("gz-dev");

        var e = Assert.Throws<GpioException>(() => GpioChip.Open(dev.File("gpiochip0")));

        Assert.EndsWith($"no such GPIO chip; {dev.Path} has no gpiochip* devices (no GPIO driver is loaded, or /dev is not shared with this container) (ENOENT)", e.Message);
    }

    [Theory]
    [InlineData("/dev/null")]
    [InlineData("/proc/version")]
    public void Something_that_is_not_a_chip_is_refused_by_the_chip_info_ioctl(string path)
    {
        var e = Assert.Throws<GpioException>(() => GpioChip.Open(path));

        Assert.Equal($"{path}: GPIO_GET_CHIPINFO_IOCTL: not a GPIO character device (it does not answer GPIO ioctls) (ENOTTY)", e.Message);
    }

    [Fact]
    public void Regular_file_is_refused_by_the_chip_info_ioctl()
    {
        using var folder = new TempFolder();
        var path = folder.File("gpiochip0");
        File.WriteAllText(path, "not a chip");

        var e = Assert.Throws<GpioException>(() => GpioChip.Open(path));

        Assert.Contains("GPIO_GET_CHIPINFO_IOCTL: not a GPIO character device", e.Message);
        Assert.DoesNotContain(" at ", e.Message);
    }

    [Fact]
    public void Permission_denied_names_the_group_to_join()
    {
        // Tests run as root, for whom mode bits do not deny. sysfs (kernfs) refuses to open a read-only attribute
        // for writing even to root, with the same EACCES a gpio group member-less user gets on /dev/gpiochipN.
        const string path = "/sys/kernel/uevent_seqnum";

        var e = Assert.Throws<GpioException>(() => GpioChip.Open(path));

        Assert.Equal($"{path}: open: permission denied: run as a member of the group that owns {path} (usually 'gpio'; see `ls -l {path}`) or as root (EACCES)", e.Message);
    }
}
