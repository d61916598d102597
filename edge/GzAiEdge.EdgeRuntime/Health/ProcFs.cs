using System.Globalization;

namespace GzAiEdge.EdgeRuntime.Health;

/// <summary>CPU time of the whole system: busy and total clock ticks over all cores, and the cores counted.</summary>
public readonly record struct SystemCpuTimes(long Busy, long Total, int Cores);

/// <summary>
/// Parses the Linux <c>/proc</c> files the heartbeat reads (proc(5)). Each returns null for text it cannot read,
/// so that a kernel without a field yields an absent reading rather than a wrong one.
/// </summary>
public static class ProcFs
{
    // /proc/meminfo pads with spaces, /proc/self/status with a tab and spaces.
    private static readonly char[] Blanks = [' ', '\t'];

    /// <summary>
    /// The <c>cpu</c> line of <c>/proc/stat</c>: user nice system idle iowait irq softirq steal (guest and guest_nice
    /// are already counted in user and nice, so they are left out); idle and iowait are not busy. Cores are the
    /// <c>cpuN</c> lines.
    /// </summary>
    public static SystemCpuTimes? ParseStat(string text)
    {
        long? busy = null, total = null;
        var cores = 0;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith("cpu ", StringComparison.Ordinal))
            {
                var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (f.Length < 9 || !TryLongs(f.AsSpan(1, 8), out var t))
                {
                    return null;
                }

                total = t.Sum();
                busy = total - t[3] - t[4];
            }
            else if (line.Length > 3 && line.StartsWith("cpu", StringComparison.Ordinal) && char.IsAsciiDigit(line[3]))
            {
                cores++;
            }
        }

        return busy is { } b && total is { } all && cores > 0 ? new SystemCpuTimes(b, all, cores) : null;
    }

    /// <summary>
    /// utime + stime (fields 14 and 15) of <c>/proc/self/stat</c>, in the same clock ticks as <c>/proc/stat</c>.
    /// The command name (field 2) is in parentheses and may hold spaces and parentheses, so fields are counted
    /// from the last ')'.
    /// </summary>
    public static long? ParseProcessStat(string text)
    {
        var end = text.LastIndexOf(')');
        if (end < 0)
        {
            return null;
        }

        // After ")" come field 3 (state) onwards: utime is field 14, the 12th of these.
        var f = text[(end + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return f.Length > 12 && TryLongs(f.AsSpan(11, 2), out var t) ? t[0] + t[1] : null;
    }

    /// <summary>A <c>Key:   N kB</c> line of <c>/proc/meminfo</c> or <c>/proc/self/status</c>, in bytes.</summary>
    public static long? ParseKilobytes(string text, string key)
    {
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(key, StringComparison.Ordinal) && line.Length > key.Length && line[key.Length] == ':')
            {
                var f = line[(key.Length + 1)..].Split(Blanks, StringSplitOptions.RemoveEmptyEntries);
                return f is [var n, "kB"] && long.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var kb) ? kb * 1024 : null;
            }
        }

        return null;
    }

    /// <summary>Reads a <c>/proc</c> or <c>/sys</c> file, or null when it is not there or cannot be read.</summary>
    public static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool TryLongs(ReadOnlySpan<string> fields, out long[] values)
    {
        values = new long[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            if (!long.TryParse(fields[i], NumberStyles.None, CultureInfo.InvariantCulture, out values[i]))
            {
                return false;
            }
        }

        return true;
    }
}
