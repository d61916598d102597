using GzAiEdge.AuditLog;
using GzAiEdge.Cli.Commands;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Evaluation.Publishing;
using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.Scenarios.Programmes;
using GzAiEdge.Testing;
using GzAiEdge.TimeSeries;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Cli.Tests.Commands;

[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class BackupRestoreTests
{
    private static readonly DemonstrationPeriod Period = new(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_restored_cloud_gives_the_same_evaluation_byte_for_byte_and_a_changed_backup_is_refused()
    {
        using var original = new TempFolder("gz-backup-original");
        using var restored = new TempFolder("gz-backup-restored");
        using var refused = new TempFolder("gz-backup-refused");
        using var backups = new TempFolder("gz-backup");
        await using var first = await InfluxDbServer.StartAsync();

        // A programme's signed reports in InfluxDB, its key registry, and the SQLite stores as a cloud leaves them.
        var programme = ProgrammeLoader.Load(RepoPaths.Combine("firmware-configs", "scenarios", "catalogue.yaml"), RepoPaths.Combine("firmware-configs", "scenarios", "types"));
        var chosen = programme.Catalogue.All.Take(3).ToList();
        var signers = new Dictionary<(string, string), DeviceSigner>();
        await new KpiGenerator(programme, Client(first), TimeSpan.FromMinutes(5), (site, device) => signers.TryGetValue((site, device), out var s) ? s : signers[(site, device)] = DeviceSigner.Create())
            .WriteAsync(chosen, Period, _ => { }, CancellationToken.None);
        DeviceKeyRegistry.Save(original.File("device-keys.json"), new DeviceKeyRegistryFile([.. signers.Select(s => new DeviceKeyEntry(s.Key.Item1, s.Key.Item2, s.Value.PublicKeyPem))]));
        CloudAccounts.AdminToken(original);
        var trail = new SqliteAuditLog(original.File("audit-log.db"), TimeProvider.System);
        await trail.AppendAsync(new AuditRecord("admin", "user", "evaluation.publish", "programme", AuditOutcomes.Done, "127.0.0.1"), CancellationToken.None);
        var trailHead = await trail.VerifyAsync(CancellationToken.None);
        await new PublishedLeaderboards(original.File("published-leaderboards.db")).AddAsync(DateTimeOffset.UnixEpoch, "admin", Period.From, Period.To, 3, [1, 2, 3], CancellationToken.None);

        var before = await EvaluateAsync(original, first, chosen);
        var (backupExit, backupOutput) = await GzProcesses.RunCliAsync(original, "backup", "--out", backups.File("b1"), "--influx-rpc", first.RpcAddress);
        Assert.True(backupExit == 0, backupOutput);

        await using var fresh = await InfluxDbServer.StartAsync("unrelated");
        var (restoreExit, restoreOutput) = await GzProcesses.RunCliAsync(restored, "restore", "--from", backups.File("b1"), "--influx-rpc", fresh.RpcAddress);
        Assert.True(restoreExit == 0, restoreOutput);
        var after = await EvaluateAsync(restored, fresh, chosen);

        // The evidence was checked (each listed device's chain verified against the restored key registry), not skipped.
        Assert.Matches("\"verifiedShare\":\\s*1[,\\s]", System.Text.Encoding.UTF8.GetString(before));
        Assert.Equal(before, after);
        foreach (var store in new[] { "access.db", "audit-log.db", "published-leaderboards.db", "device-keys.json" })
        {
            Assert.True(File.Exists(restored.File(store)), $"{store} was not restored; {restoreOutput}");
        }

        Assert.Single(await new PublishedLeaderboards(restored.File("published-leaderboards.db")).ListAsync(CancellationToken.None));
        Assert.Equal(trailHead, await new SqliteAuditLog(restored.File("audit-log.db"), TimeProvider.System).VerifyAsync(CancellationToken.None));

        // One byte changed in the backup: restore names the file and restores nothing.
        var changed = Path.Combine(backups.File("b1"), "sqlite", "access");
        await File.AppendAllTextAsync(changed, "x");
        await using var another = await InfluxDbServer.StartAsync("unrelated");
        var (refusedExit, refusedOutput) = await GzProcesses.RunCliAsync(refused, "restore", "--from", backups.File("b1"), "--influx-rpc", another.RpcAddress);
        Assert.Equal(1, refusedExit);
        Assert.Contains("sqlite/access: sha256", refusedOutput, StringComparison.Ordinal);
        Assert.False(File.Exists(refused.File("access.db")));
    }

    private static InfluxDbClient Client(InfluxDbServer influx) =>
        new(new HttpClient(), Options.Create(new InfluxDbOptions { BaseAddress = influx.BaseAddress, Database = "gz" }));

    private static async Task<byte[]> EvaluateAsync(TempFolder folder, InfluxDbServer influx, IReadOnlyList<Scenario> chosen)
    {
        string[] scenarios = [.. chosen.SelectMany(s => new[] { "--scenario", s.Id })];
        var (exit, output) = await GzProcesses.RunCliAsync(folder, ["evaluate", "--influx", influx.BaseAddress.ToString(), "--database", "gz", .. scenarios,
            "--from", "2026-03-01", "--to", "2026-03-03", "--keys", "device-keys.json", "--catalogue", RepoPaths.Combine("firmware-configs", "scenarios", "catalogue.yaml"),
            "--json", "evaluation.json"]);
        Assert.True(exit == 0, output);
        return await File.ReadAllBytesAsync(folder.File("evaluation.json"));
    }
}
