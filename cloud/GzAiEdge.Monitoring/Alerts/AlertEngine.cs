using System.Globalization;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Monitoring.Live;
using GzAiEdge.Scenarios.Catalogue;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Monitoring.Alerts;

/// <summary>
/// Evaluates the rules of each report's scenario type as reports and state changes arrive, and
/// offline durations on a clock. Raising is deduplicated by the store (one active alert per rule and
/// device); an alert is resolved as soon as its condition no longer holds. It observes the live
/// feed (<see cref="IDeviceObserver"/> says why that way round).
/// </summary>
public sealed class AlertEngine(
    AlertRuleSet rules,
    ScenarioCatalogue catalogue,
    SqliteAlertStore store,
    AlertPublisher publisher,
    TimeProvider time,
    IOptions<AlertOptions> options) : IDeviceObserver
{
    /// <summary>The rule id of the over-quota alert (one per device, whatever its scenario type).</summary>
    public const string QuotaRule = "quota";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<(string Rule, string Site, string Device), int> _breaches = [];
    private readonly Dictionary<(string Site, string Device), (DateTimeOffset Since, string Scenario)> _offline = [];
    private HashSet<(string Rule, string Scenario, string Site, string Device)>? _active;

    public async Task OnKpiAsync(KpiReport report, DeviceView device, CancellationToken cancellationToken)
    {
        if (RulesFor(report.Scenario) is not { } typeRules)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var rule in typeRules.Kpis)
            {
                if (!report.Kpis.TryGetValue(rule.Kpi, out var value))
                {
                    continue;
                }

                var key = (rule.Id, report.Site, report.Device);
                if (!rule.IsBreachedBy(value))
                {
                    _breaches.Remove(key);
                    await ResolveAsync(rule.Id, report.Scenario, report.Site, report.Device, cancellationToken);
                    continue;
                }

                var count = _breaches[key] = _breaches.GetValueOrDefault(key) + 1;
                if (count >= rule.Windows)
                {
                    var side = rule.Direction == AlertDirection.Above ? "above" : "below";
                    await RaiseAsync(new AlertDraft(rule.Id, AlertKinds.Kpi, report.Scenario, report.Site, report.Device, rule.Kpi, value, rule.Threshold,
                        $"{rule.Kpi} = {Number(value)} {side} {Number(rule.Threshold)} for {count} consecutive windows on {report.Site}/{report.Device}"), cancellationToken);
                }
            }

            if (typeRules.CompletenessBelow is { } minimum && device.Completeness is { } completeness
                && device.ReportsReceived >= AlertRuleSet.CompletenessMinReports)
            {
                if (completeness < minimum)
                {
                    await RaiseAsync(new AlertDraft(typeRules.CompletenessRuleId, AlertKinds.Completeness, report.Scenario, report.Site, report.Device,
                        null, completeness, minimum, $"completeness {completeness:P1} below {minimum:P0} on {report.Site}/{report.Device}"), cancellationToken);
                }
                else
                {
                    await ResolveAsync(typeRules.CompletenessRuleId, report.Scenario, report.Site, report.Device, cancellationToken);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task OnStateAsync(DeviceView device, CancellationToken cancellationToken)
    {
        if (device.Scenario is not { } scenario || RulesFor(scenario) is not { Offline: not null } typeRules)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (device.State == DeviceState.Offline)
            {
                // From when the cloud learned it: a will carries the time the device connected, and a
                // retained state seen at start-up says nothing about how long it has been offline.
                _offline.TryAdd((device.Site, device.Device), (time.GetUtcNow(), scenario));
            }
            else
            {
                _offline.Remove((device.Site, device.Device));
                await ResolveAsync(typeRules.OfflineRuleId, scenario, device.Site, device.Device, cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Raises an alert while a device is over its quota, for every scenario type: flooding is never the world, always
    /// the device. Its scenario is the one it last reported for, if any.
    /// </summary>
    public async Task OnQuotaAsync(string site, string device, DeviceView? known, string? reason, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var scenario = known?.Scenario ?? string.Empty;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (reason is null)
            {
                await ResolveAsync(QuotaRule, scenario, site, device, cancellationToken);
            }
            else
            {
                await RaiseAsync(new AlertDraft(QuotaRule, AlertKinds.Quota, scenario, site, device, null, null, null,
                    $"{site}/{device} over its quota, its messages are dead-lettered: {reason}"), cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Raises an alert for every device offline longer than its type allows.</summary>
    public async Task CheckOfflineAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            foreach (var ((site, device), (since, scenario)) in _offline.ToList())
            {
                if (RulesFor(scenario) is { Offline: { } limit } typeRules && now - since >= limit)
                {
                    await RaiseAsync(new AlertDraft(typeRules.OfflineRuleId, AlertKinds.Offline, scenario, site, device, null,
                        Math.Round((now - since).TotalSeconds), limit.TotalSeconds,
                        $"{site}/{device} offline for more than {limit.TotalSeconds:0} s"), cancellationToken);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private ScenarioTypeRules? RulesFor(string scenarioId) =>
        options.Value.Enabled && catalogue.TryGet(scenarioId, out var scenario) ? rules.For(scenario.Type) : null;

    private async Task RaiseAsync(AlertDraft draft, CancellationToken cancellationToken)
    {
        var active = await ActiveAsync(cancellationToken);
        if (active.Add((draft.Rule, draft.Scenario, draft.Site, draft.Device))
            && await store.RaiseAsync(draft, time.GetUtcNow(), cancellationToken) is { } alert)
        {
            publisher.Publish(alert);
        }
    }

    private async Task ResolveAsync(string rule, string scenario, string site, string device, CancellationToken cancellationToken)
    {
        var active = await ActiveAsync(cancellationToken);
        if (active.Remove((rule, scenario, site, device))
            && await store.ResolveAsync(rule, scenario, site, device, time.GetUtcNow(), cancellationToken) is { } alert)
        {
            publisher.Publish(alert);
        }
    }

    // Alerts still active from before a restart are known, so they are resolved rather than raised twice.
    private async Task<HashSet<(string, string, string, string)>> ActiveAsync(CancellationToken cancellationToken) =>
        _active ??= [.. (await store.ActiveAsync(cancellationToken)).Select(a => (a.Rule, a.Scenario, a.Site, a.Device))];

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
