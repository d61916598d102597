using System.Globalization;

namespace GzAiEdge.HotPath.Bench;

/// <summary>CPU time (user + system) a process has used, read from /proc/&lt;pid&gt;/stat (proc(5): fields 14 and 15, in clock ticks).</summary>
public static class ProcessCpu
{
    // USER_HZ is 100 on every Linux ABI .NET runs on (sysconf(_SC_CLK_TCK)).
    private const double TicksPerSecond = 100;

    public static TimeSpan Of(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");

        // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
