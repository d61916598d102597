using GzAiEdge.EdgeRuntime.Health;

namespace GzAiEdge.EdgeRuntime.Tests.Health;

public class ProcFsTests
{
    [Fact]
    public void Stat_counts_busy_and_total_ticks_without_guest_time_and_counts_cores()
    {
        // Two cores; guest (9th) and guest_nice (10th) are already inside user and nice, so they are not added.
        const string stat = "cpu  100 10 50 800 40 5 5 0 70 3\ncpu0 50 5 25 400 20 2 3 0 35 1\ncpu1 50 5 25 400 20 3 2 0 35 2\nintr 1 2\nctxt 9\n";

        Assert.Equal(new SystemCpuTimes(Busy: 170, Total: 1010, Cores: 2), ProcFs.ParseStat(stat));
    }

    [Fact]
    public void Stat_without_a_cpu_line_reads_as_nothing()
    {
        Assert.Null(ProcFs.ParseStat("intr 1 2\n"));
        Assert.Null(ProcFs.ParseStat("cpu  1 2 x 4 5 6 7 8\ncpu0 1 2 3 4 5 6 7 8\n"));
    }

    [Fact]
    public void Process_stat_takes_utime_and_stime_after_a_command_name_holding_spaces_and_parentheses()
    {
        const string self = "4242 (gz edge (x)) S 1 4242 4242 0 -1 4194560 1200 0 0 0 731 269 0 0 20 0 12 0 281546 2998272 414 0";

        Assert.Equal(1000, ProcFs.ParseProcessStat(self));
        Assert.Null(ProcFs.ParseProcessStat("4242 (truncated) S 1"));
    }

    [Fact]
    public void Kilobyte_lines_read_in_bytes()
    {
        const string meminfo = "MemTotal:       24576000 kB\nMemFree:         1000 kB\nMemAvailable:   20000000 kB\n";

        Assert.Equal(24576000L * 1024, ProcFs.ParseKilobytes(meminfo, "MemTotal"));
        Assert.Equal(20000000L * 1024, ProcFs.ParseKilobytes(meminfo, "MemAvailable"));
        Assert.Null(ProcFs.ParseKilobytes(meminfo, "MemAvail"));
        Assert.Equal(2076L * 1024, ProcFs.ParseKilobytes("Name:\tgz\nVmRSS:\t    2076 kB\n", "VmRSS"));
        Assert.Null(ProcFs.ParseKilobytes("VmRSS:\t  2076 pages\n", "VmRSS"));
    }

    [Fact]
    public void This_machines_proc_files_parse()
    {
        var stat = ProcFs.ParseStat(File.ReadAllText("/proc/stat"));

        Assert.NotNull(stat);
        Assert.Equal(Environment.ProcessorCount, stat.Value.Cores);
        Assert.InRange(stat.Value.Busy, 1, stat.Value.Total);
        Assert.True(ProcFs.ParseProcessStat(File.ReadAllText("/proc/self/stat")) > 0);
    }
}
