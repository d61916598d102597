namespace GzAiEdge.Devices.Native;

/// <summary>Says what a directory holds when a device node is missing, so that a wrong number is easy to fix.</summary>
internal static class DeviceNodes
{
    public static string DescribeMissing(string path, DeviceKind kind)
    {
        var (what, prefix, hint) = kind == DeviceKind.I2cBus
            ? ("I2C bus", "i2c-", "load i2c-dev (`modprobe i2c-dev`); on a Raspberry Pi enable I2C (dtparam=i2c_arm=on)")
            : ("GPIO chip", "gpiochip", "no GPIO driver is loaded, or /dev is not shared with this container");
        var folder = Path.GetDirectoryName(path);
        if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
        {
            return $"no such {what}; folder {folder} does not exist";
        }

        var present = Directory.EnumerateFileSystemEntries(folder, prefix + "*")
            .Select(Path.GetFileName)
            .OrderBy(name => name!.Length)
            .ThenBy(name => name, StringComparer.Ordinal)
            .ToArray();
        return present.Length == 0
            ? $"no such {what}; {folder} has no {prefix}* devices ({hint})"
            : $"no such {what}; {folder} has {string.Join(", ", present)}";
    }
}
