using System.Diagnostics;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.EdgeRuntime.Publishing;
using GzAiEdge.Testing;
using Microsoft.Data.Sqlite;

namespace GzAiEdge.EdgeRuntime.Tests.Publishing;

/// <summary>
/// The outbox on a real full file system: a 512 KiB tmpfs mounted for the test (needs root, as
/// ./gz test has on CI). A full disk fails the append as a whole, leaves the store intact, and the
/// next append after space returns gets the next seq.
/// </summary>
public sealed class OutboxFullDiskTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _mount = new("gz-full-disk");

    public OutboxFullDiskTests()
    {
        using var mount = Process.Start("mount", ["-t", "tmpfs", "-o", "size=512k", "tmpfs", _mount.Path])!;
        mount.WaitForExit();
        Assert.True(mount.ExitCode == 0, "mounting a small tmpfs failed; this test needs root (or CAP_SYS_ADMIN), as ./gz test has on CI");
    }

    public void Dispose()
    {
        using var umount = Process.Start("umount", [_mount.Path])!;
        umount.WaitForExit();
        _mount.Dispose();
    }

    [Fact]
    public void A_full_disk_fails_the_append_cleanly_and_seq_continues_without_a_gap_when_space_returns()
    {
        using var signer = DeviceSigner.Create();
        var filler = Path.Combine(_mount.Path, "filler");
        using var outbox = new Outbox(Path.Combine(_mount.Path, "state"), "s1", "d1", signer,
            new OutboxOptions { MaxBytes = 1L << 30 }, TimeProvider.System);
        outbox.Append(Window(0));
        File.WriteAllBytes(filler, new byte[400 * 1024]);

        long stored = 1;
        SqliteException? full = null;
        for (var i = 1; i < 2000 && full is null; i++)
        {
            try
            {
                outbox.Append(Window(i));
                stored++;
            }
            catch (SqliteException ex)
            {
                full = ex;
            }
        }

        Assert.NotNull(full);
        Assert.Contains("full", full.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(stored, outbox.LastSeq);
        File.Delete(filler);

        var (next, _) = outbox.Append(Window(5000));

        Assert.Equal(stored + 1, next.Seq);
        Assert.Equal(stored + 1, outbox.Depth);
        using var check = new SqliteConnection($"Data Source={outbox.Path};Pooling=False");
        check.Open();
        using var integrity = check.CreateCommand();
        integrity.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", integrity.ExecuteScalar());
    }

    private static KpiReport Window(int i) => new()
    {
        V = 1,
        Site = "s1",
        Device = "d1",
        Scenario = "x",
        Seq = 0,
        WindowStart = Start.AddSeconds(10 * i),
        WindowEnd = Start.AddSeconds(10 * (i + 1)),
        Kpis = Enumerable.Range(0, 20).ToDictionary(k => $"kpi_{k}", k => i * 0.1 + k),
    };
}
