using System.Globalization;
using GzAiEdge.Evaluation.Audits;
using GzAiEdge.Evaluation.FieldAudits;
using GzAiEdge.Evaluation.LaterTruth;
using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.Scenarios.Kpis;
using GzAiEdge.Scenarios.Outcomes;
using GzAiEdge.Scenarios.Programmes;
using GzAiEdge.Scenarios.Scoring;
using GzAiEdge.TimeSeries;

namespace GzAiEdge.Evaluation;

/// <summary>
/// Scores one scenario over a period. Each rubric KPI comes from where its truth is: what devices report from
/// InfluxDB (one request, <see cref="ScenarioReader"/>); uptime, completeness and verified share from the platform's
/// own measures of what it received; audit accuracy KPIs from the latest valid audit of each listed device
/// (<see cref="IAuditResults"/>); later-truth accuracy KPIs from forecasts paired with what was measured after them
/// (<see cref="ForecastTruth"/>). Values are rounded to 9 significant digits so that the same stored data gives
/// byte-identical output even if InfluxDB sums in a different order.
/// </summary>
public sealed class ScenarioEvaluator(ScenarioReader reader, IEvidenceVerifier evidence, IAuditResults audits, IFieldAuditResults? fields = null)
{
    /// <exception cref="InfluxDbUnavailableException">InfluxDB cannot answer now.</exception>
    /// <exception cref="InfluxQueryException">InfluxDB refused the query.</exception>
    public async Task<ScenarioEvaluation> EvaluateAsync(Programme programme, Scenario scenario, DemonstrationPeriod period, CancellationToken cancellationToken)
    {
        var type = programme.TypeOf(scenario);
        var rubric = programme.RubricFor(scenario);
        var query = new ScenarioQuery(scenario, rubric, period);
        var data = await reader.ReadAsync(query, cancellationToken);

        var listed = scenario.Sites.SelectMany(s => s.Devices.Select(d => (Site: s, Device: d))).ToList();
        var devices = new List<DeviceCompleteness>();
        foreach (var (site, device) in listed)
        {
            var share = await evidence.VerifyAsync(scenario.Id, site.Site, device, period, cancellationToken) is { Checked: > 0 } e
                ? (double)e.Verified / e.Checked
                : (double?)null;
            devices.Add(CompletenessCalculator.For(site, device, data.Devices.FirstOrDefault(d => d.Site == site.Site && d.Device == device),
                data.DeviceBuckets.Where(b => b.Site == site.Site && b.Device == device),
                data.Heartbeats.Where(h => h.Site == site.Site && h.Device == device), query.BucketCount, share));
        }

        var excluded = data.Devices
            .Where(d => !listed.Any(l => l.Site.Site == d.Site && l.Device == d.Device))
            .Select(d => new ExcludedReports(d.Site, d.Device, d.Count, "device not listed for this scenario in the catalogue"))
            .OrderBy(e => e.Site, StringComparer.Ordinal).ThenBy(e => e.Device, StringComparer.Ordinal)
            .ToList();
        var used = devices.Sum(d => d.Received);
        var expected = devices.Sum(d => d.Expected);
        var completeness = expected == 0 ? (double?)null : Round(Math.Min(1, (double)used / expected));
        var uptime = devices.Count == 0 ? (double?)null : Round(devices.Average(d => d.Uptime));
        var verified = devices.All(d => d.VerifiedShare is not null) && devices.Count > 0
            ? Round(devices.Sum(d => d.VerifiedShare!.Value * d.Received) / Math.Max(1, used))
            : (double?)null;

        var measured = new Dictionary<string, KpiMeasurement>(StringComparer.Ordinal);
        foreach (var total in data.Totals)
        {
            measured[total.Key] = new KpiMeasurement(total.Count == 0 || total.Value is not { } value ? null : Round(value), total.Count);
        }

        measured[ServiceKpis.Uptime.Key] = Platform(uptime, used, "from the buckets each listed device sent a heartbeat or report in", "no listed device");
        measured[ServiceKpis.Completeness.Key] = Platform(completeness, used, "from the stored seq of each listed device", "no reports from the listed devices");
        measured[ServiceKpis.VerifiedShare.Key] = verified is null && devices.Count > 0
            ? new KpiMeasurement(null, used, Source: "evidence not checked (no key registry)", Provisional: "evidence not checked (no key registry)")
            : Platform(verified, used, $"checked: {evidence.Method}", "no listed device");

        var audited = listed.Select(l => (l.Site.Site, l.Device)).ToList();
        var found = rubric.Any(k => k.Definition?.Truth == TruthSource.Audit) || type.Gates.AuditFlags is { Count: > 0 }
            ? await audits.LatestValidAsync(scenario.Id, audited, period.From, period.To, cancellationToken)
            : [];
        foreach (var kpi in rubric.Where(k => k.Definition?.Truth == TruthSource.Audit))
        {
            measured[kpi.Key] = AuditMeasurement.For(kpi.Key, audited, found);
        }

        if (rubric.Any(k => k.Definition?.Truth == TruthSource.FieldAudit))
        {
            var field = await (fields ?? new NoFieldAuditResults()).MeasureAsync(scenario.Id, audited, period.From, period.To, cancellationToken);
            foreach (var kpi in rubric.Where(k => k.Definition?.Truth == TruthSource.FieldAudit))
            {
                measured[kpi.Key] = FieldMeasurement.For(kpi.Key, field);
            }
        }

        if (rubric.Any(k => k.Definition?.Truth == TruthSource.LaterTruth))
        {
            var points = await reader.ForecastPointsAsync(scenario, EnergyKpis.LoadForecastKw.Key, EnergyKpis.LoadMeasuredKw.Key, period, cancellationToken);
            foreach (var (key, value) in ForecastTruth.Measure(points))
            {
                measured[key] = value;
            }
        }

        var flags = AuditFlagGates.For(type.Gates.AuditFlags ?? [], found);
        var outcome = scenario.Outcome is { } declared ? await OutcomeAsync(programme, scenario, declared, period, cancellationToken) : null;
        var score = ScoreCalculator.Score(rubric, measured, type.Gates, new GateMeasurements(completeness, uptime, verified, used, flags), outcome);
        return new ScenarioEvaluation(scenario, type, period, query.Bucket, score, new ReportCounts(used, excluded), devices,
            completeness, uptime, verified is null ? EvidenceNotChecked.Description : $"checked: {evidence.Method}",
            [.. data.Models.Distinct().Order(StringComparer.Ordinal)],
            [.. data.Buckets.Select(k => new KpiSeries(k.Key, [.. k.Values.Select(b => (b.Start, Round(b.Value)))]))],
            [.. audited.Select(d => new ListedAudit(d.Site, d.Device, found.FirstOrDefault(a => a.Site == d.Site && a.Device == d.Device)))]);
    }

    // The demonstration's days against the baseline's: the same devices before the AI, or the control scenario's devices
    // over the same period. Daily means are rounded like every stored value, so the bootstrap sees the same numbers.
    private async Task<OutcomeResult> OutcomeAsync(Programme programme, Scenario scenario, OutcomeDeclaration declared, DemonstrationPeriod period, CancellationToken cancellationToken)
    {
        async Task<List<double>> Days(Scenario of, DemonstrationPeriod over) =>
            [.. (await reader.DailyMeansAsync(of, declared.Measure, over, cancellationToken)).Select(d => Round(d.Value))];

        var days = await Days(scenario, period);
        var baseline = declared.Baseline switch
        {
            { Before: { } before } => await Days(scenario, before),
            { Control: { } control } when programme.Catalogue.TryGet(control, out var other) => await Days(other, period),
            _ => [],
        };
        return OutcomeScoring.Evaluate(declared, days, baseline);
    }

    /// <summary>9 significant digits: stable across summation order, far finer than any KPI's meaning.</summary>
    internal static double Round(double value) => double.Parse(value.ToString("G9", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static KpiMeasurement Platform(double? value, long reports, string source, string whyMissing) =>
        new(value, reports, Source: value is null ? whyMissing : source);
}
