using GzAiEdge.Contracts.Topics;

namespace GzAiEdge.Cli.Provisioning;

/// <summary>
/// The devices <c>gz provision</c> is asked for: <c>--device</c> values and the lines of a
/// <c>--devices-from</c> file (thousands of simulated devices do not fit a command line), each
/// <c>device</c> or <c>site/device</c>, checked with the file and line of any mistake.
/// </summary>
internal static class DeviceList
{
    public static (List<string> Devices, List<string> Errors) Collect(IEnumerable<string> options, string? file)
    {
        var devices = new List<string>(options);
        var errors = new List<string>();
        if (file is not null)
        {
            ReadFile(file, devices, errors);
        }

        // Each device gets the folder devices/<device>: the same id at two sites would share (and overwrite) one.
        var ids = devices.Select(i => i.Split('/') is [_, var device] ? device : i).ToList();
        if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Count)
        {
            var twice = ids.GroupBy(i => i, StringComparer.Ordinal).First(g => g.Count() > 1).Key;
            errors.Add($"--device: each device may be named once, across sites too (each gets the folder devices/<device>); '{twice}' is named more than once");
        }

        return (devices, errors);
    }

    private static void ReadFile(string file, List<string> devices, List<string> errors)
    {
        if (!File.Exists(file))
        {
            errors.Add($"--devices-from {file}: no such file");
            return;
        }

        var line = 0;
        foreach (var raw in File.ReadLines(file))
        {
            line++;
            var entry = raw.Split('#', 2)[0].Trim();
            if (entry.Length == 0)
            {
                continue;
            }

            var parts = entry.Split('/');
            var why = parts.Length > 2 ? "expected device or site/device" : parts.Select(Identifiers.Check).FirstOrDefault(w => w is not null);
            if (why is not null)
            {
                errors.Add($"{file}:{line}: '{entry}': {why}");
                continue;
            }

            devices.Add(entry);
        }
    }
}
