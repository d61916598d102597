using GzAiEdge.Monitoring.Alerts;
using GzAiEdge.Testing;

namespace GzAiEdge.Monitoring.Tests.Alerts;

public sealed class SqliteAlertStoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new("gz-alert-store");
    private readonly SqliteAlertStore _store;

    public SqliteAlertStoreTests() => _store = new SqliteAlertStore(_folder.File("alerts.db"));

    public void Dispose()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task One_alert_is_active_per_rule_scenario_and_device_and_a_resolved_one_stays_as_history()
    {
        var first = await _store.RaiseAsync(Draft("cam-01"), T0, CancellationToken.None);
        var again = await _store.RaiseAsync(Draft("cam-01"), T0.AddSeconds(1), CancellationToken.None);
        var other = await _store.RaiseAsync(Draft("cam-02"), T0, CancellationToken.None);
        var resolved = await _store.ResolveAsync("t/spo2_mean/below", "s-1", "site-1", "cam-01", T0.AddSeconds(5), CancellationToken.None);
        var second = await _store.RaiseAsync(Draft("cam-01"), T0.AddSeconds(9), CancellationToken.None);

        Assert.NotNull(first);
        Assert.Null(again);
        Assert.NotNull(other);
        Assert.Equal((first.Id, T0, (DateTimeOffset?)T0.AddSeconds(5)), (resolved!.Id, resolved.RaisedAt, resolved.ResolvedAt));
        Assert.False(resolved.Active);
        Assert.NotEqual(first.Id, second!.Id);
        Assert.Equal([other!.Id, second.Id], (await _store.ActiveAsync(CancellationToken.None)).Select(a => a.Id));
    }

    [Fact]
    public async Task Pruning_removes_old_and_surplus_resolved_alerts_keeps_active_ones_and_counts_what_it_removed()
    {
        // Six devices: each raised at T0 + i hours and resolved an hour later, but the last stays active.
        for (var i = 0; i < 6; i++)
        {
            await _store.RaiseAsync(Draft($"cam-{i}"), T0.AddHours(i), CancellationToken.None);
            if (i < 5)
            {
                await _store.ResolveAsync("t/spo2_mean/below", "s-1", "site-1", $"cam-{i}", T0.AddHours(i + 1), CancellationToken.None);
            }
        }

        // Resolved before T0 + 2.5 h: cam-0 and cam-1; of cam-2..4, only the newest two stay.
        var first = await _store.PruneAsync(T0.AddHours(2.5), maxResolved: 2, CancellationToken.None);
        var second = await _store.PruneAsync(T0.AddHours(2.5), maxResolved: 2, CancellationToken.None);

        Assert.Equal(new AlertsPruned(2, 1), first);
        Assert.Equal(new AlertsPruned(0, 0), second);
        Assert.Equal(new AlertsPruned(2, 1), await _store.PrunedAsync(CancellationToken.None));
        var left = await _store.ListAsync(new AlertQuery(null, null, null, null, 0, 100), CancellationToken.None);
        Assert.Equal(["cam-5", "cam-4", "cam-3"], left.Items.Select(a => a.Device));
        Assert.Single(await _store.ActiveAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Resolving_or_acknowledging_what_is_not_there_answers_null()
    {
        Assert.Null(await _store.ResolveAsync("t/spo2_mean/below", "s-1", "site-1", "cam-01", T0, CancellationToken.None));
        Assert.Null(await _store.AcknowledgeAsync(42, T0, CancellationToken.None));
    }

    [Fact]
    public async Task An_alert_keeps_the_time_of_its_first_acknowledgement()
    {
        var alert = await _store.RaiseAsync(Draft("cam-01"), T0, CancellationToken.None);

        var first = await _store.AcknowledgeAsync(alert!.Id, T0.AddMinutes(1), CancellationToken.None);
        var second = await _store.AcknowledgeAsync(alert.Id, T0.AddMinutes(2), CancellationToken.None);

        Assert.Equal(T0.AddMinutes(1), first!.AcknowledgedAt);
        Assert.Equal(T0.AddMinutes(1), second!.AcknowledgedAt);
        Assert.True(second.Active);
    }

    [Fact]
    public async Task A_page_is_filtered_newest_first_with_the_total_of_all_pages()
    {
        foreach (var device in new[] { "cam-01", "cam-02", "cam-03" })
        {
            await _store.RaiseAsync(Draft(device), T0, CancellationToken.None);
        }

        await _store.RaiseAsync(Draft("cam-04", site: "site-2"), T0, CancellationToken.None);
        await _store.ResolveAsync("t/spo2_mean/below", "s-1", "site-1", "cam-02", T0.AddSeconds(1), CancellationToken.None);

        var (total, page) = await _store.ListAsync(new AlertQuery(null, "site-1", null, null, 1, 1), CancellationToken.None);
        var (activeTotal, active) = await _store.ListAsync(new AlertQuery("s-1", "site-1", null, true, 0, 10), CancellationToken.None);
        var (_, one) = await _store.ListAsync(new AlertQuery(null, null, "cam-04", null, 0, 10), CancellationToken.None);

        Assert.Equal(3, total);
        Assert.Equal("cam-02", Assert.Single(page).Device);
        Assert.Equal(2, activeTotal);
        Assert.Equal(["cam-03", "cam-01"], active.Select(a => a.Device));
        Assert.Equal("site-2", Assert.Single(one).Site);
    }

    [Fact]
    public async Task Alerts_survive_reopening_the_file_with_every_field()
    {
        var raised = await _store.RaiseAsync(Draft("cam-01"), T0, CancellationToken.None);
        _store.Dispose();

        using var reopened = new SqliteAlertStore(_folder.File("alerts.db"));
        var active = Assert.Single(await reopened.ActiveAsync(CancellationToken.None));

        Assert.Equal(raised, active);
        Assert.Equal(("spo2_mean", 85.0, 92.0, AlertKinds.Kpi), (active.Kpi, active.Value!.Value, active.Threshold!.Value, active.Kind));
    }

    private static AlertDraft Draft(string device, string site = "site-1") =>
        new("t/spo2_mean/below", AlertKinds.Kpi, "s-1", site, device, "spo2_mean", 85, 92, $"spo2_mean low on {site}/{device}");
}
