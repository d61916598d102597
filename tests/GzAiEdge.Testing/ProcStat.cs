using System.Globalization;

namespace GzAiEdge.Testing;

/// <summary>
/// A process's CPU time and memory from /proc (Linux): utime + stime of all its threads in clock ticks
/// (1/100 s), resident and peak resident size. The peers read their own the same way (bench/peers/proc-stat.mjs).
/// </summary>
public static class ProcStat
{
    // USER_HZ is 100 on every Linux ABI .NET runs on (sysconf(_SC_CLK_TCK)).
    private const double TicksPerSecond = 100;

    /// <summary>CPU seconds (user + system, all threads) the process has used so far.</summary>
    public static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");

        // The command name (field 2) may hold spaces; fields after it start past its closing parenthesis.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    /// <summary>CPU seconds of this process, measured like <see cref="CpuSeconds(int)"/>.</summary>
    public static double OwnCpuSeconds() => CpuSeconds(Environment.ProcessId);

    /// <summary>The largest resident set size the process has had (VmHWM).</summary>
    public static long PeakRssBytes(int pid) => StatusKb(pid, "VmHWM:") * 1024;

    /// <summary>The process's resident set size now (VmRSS).</summary>
    public static long RssBytes(int pid) => StatusKb(pid, "VmRSS:") * 1024;

    private static long StatusKb(int pid, string key)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(key, StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }
}
