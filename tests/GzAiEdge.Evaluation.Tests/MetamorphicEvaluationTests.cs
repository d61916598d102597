using GzAiEdge.Contracts.Messages;
using GzAiEdge.Evaluation.Audits;
using GzAiEdge.Evaluation.Tests.Support;
using GzAiEdge.Evaluation.Verification;
using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.Scenarios.Kpis;
using GzAiEdge.Testing;
using GzAiEdge.TimeSeries;

namespace GzAiEdge.Evaluation.Tests;

/// <summary>
/// The checks an evaluator makes before trusting a ranking (EVALUATION.md, "Two rules"): change what must not matter and
/// the score stays; change the AI and it moves. Reports go through the real broker, ingestion and InfluxDB; the audits are
/// stated by the test through the evaluation's port (<see cref="FixedAudits"/>), so these check the evaluation, not the
/// audit scoring (that, with real audits of the real models, is in GzAiEdge.EndToEnd.Tests on the audits side).
/// Each test stores its own scenarios over a period apart from the fixture's.
/// </summary>
[Collection(IngestedProgrammeCollection.Name)]
[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class MetamorphicEvaluationTests(IngestedProgrammeFixture data)
{
    private static readonly DateTimeOffset From = new(2026, 3, 10, 0, 0, 0, TimeSpan.Zero);
    private static readonly DemonstrationPeriod Period = new(From, From.AddMinutes(4));

    public static TheoryData<string, string, string, string, string, string, string, double, double> Worlds => new()
    {
        // type's pipeline, busy/sick/defective scenario and site, quiet/healthy scenario and site, device, the world KPI and its two values
        { "traffic-detection", "traffic-huangpu-flow-12", "huangpu-22", "traffic-yuexiu-flow-23", "yuexiu-33", "cam-01", "vehicle_flow_per_hour", 2400, 30 },
        { "visual-inspection", "mfg-huangpu-inspection-26", "huangpu-36", "mfg-yuexiu-inspection-37", "yuexiu-47", "line-01", "defect_rate", 0.4, 0.01 },
        { "vitals-classification", "med-tianhe-vitals-29", "tianhe-39", "med-huangpu-vitals-40", "huangpu-50", "ward-01", "abnormal_share", 0.6, 0.02 },
    };

    [Theory]
    [MemberData(nameof(Worlds))]
    public async Task The_same_service_and_audits_in_different_worlds_give_equal_scores(
        string pipeline, string busy, string busySite, string quiet, string quietSite, string device, string world, double busyValue, double quietValue)
    {
        await data.StoreAsync([.. Reports(busy, busySite, device, World(pipeline, busyValue)), .. Reports(quiet, quietSite, device, World(pipeline, quietValue))]);
        var metrics = Metrics(pipeline);
        var audits = new FixedAudits(FixedAudits.Of("a-busy", busySite, device, pipeline, From.AddMinutes(1), metrics),
            FixedAudits.Of("a-quiet", quietSite, device, pipeline, From.AddMinutes(1), metrics));

        var a = await EvaluateAsync(busy, audits);
        var b = await EvaluateAsync(quiet, audits);

        // The worlds really differ in what was stored, and in what is shown.
        Assert.Equal(busyValue, await data.NumberAsync($"SELECT mean(\"{world}\") FROM \"kpi\" WHERE \"scenario\" = '{busy}'"), 6);
        Assert.Equal(quietValue, await data.NumberAsync($"SELECT mean(\"{world}\") FROM \"kpi\" WHERE \"scenario\" = '{quiet}'"), 6);
        Assert.Equal(KpiKind.Monitoring, KpiCatalogue.Find(world)!.Kind);
        Assert.DoesNotContain(a.Score.Kpis, k => k.Rubric.Key == world);
        Assert.Equal(Points(a), Points(b));
        Assert.Equal((a.Score.Score, a.Score.Interval), (b.Score.Score, b.Score.Interval));
        Assert.Contains(a.Score.Kpis, k => k.Rubric.Definition?.Kind == KpiKind.Accuracy && k.Points > 0);
    }

    [Theory]
    [InlineData("mfg-haizhu-inspection-48", "haizhu-58", 0.15)]
    [InlineData("mfg-baiyun-inspection-59", "baiyun-69", 0.4)]
    // A sealed set with few defects: never flagging is 95 % accurate, which earns nothing without macro F1 beside it.
    [InlineData("mfg-nansha-inspection-92", "nansha-102", 0.05)]
    public async Task A_classifier_that_never_flags_and_one_that_always_flags_get_the_lowest_accuracy_scores(string scenario, string site, double defectShare)
    {
        await data.StoreAsync([.. Reports(scenario, site, "line-01", World("visual-inspection", defectShare))]);

        // A sealed set of 200 products with the defect share of this line; a good classifier errs on 3 of each class.
        var defects = (int)Math.Round(200 * defectShare);
        var good = ClassificationAudit(tp: defects - 3, fn: 3, fp: 3, tn: 200 - defects - 3);
        var neverFlags = ClassificationAudit(tp: 0, fn: defects, fp: 0, tn: 200 - defects);
        var alwaysFlags = ClassificationAudit(tp: defects, fn: 0, fp: 200 - defects, tn: 0);
        var mediocre = ClassificationAudit(tp: defects * 3 / 4, fn: defects - (defects * 3 / 4), fp: 10, tn: 200 - defects - 10);

        var scores = new Dictionary<string, double>();
        foreach (var (name, metrics) in new[] { ("good", good), ("never", neverFlags), ("always", alwaysFlags), ("mediocre", mediocre) })
        {
            var evaluation = await EvaluateAsync(scenario, new FixedAudits(FixedAudits.Of($"a-{name}", site, "line-01", "visual-inspection", From.AddMinutes(1), metrics)));
            scores[name] = evaluation.Score.Kpis.Where(k => k.Rubric.Definition?.Kind == KpiKind.Accuracy).Sum(k => k.Points);
        }

        Assert.Equal(0, scores["never"]);
        Assert.Equal(0, scores["always"]);
        Assert.True(scores["good"] > scores["mediocre"], $"good {scores["good"]}, mediocre {scores["mediocre"]}");
        Assert.True(scores["mediocre"] >= scores["never"], $"mediocre {scores["mediocre"]}");
    }

    [Fact]
    public async Task An_alarm_that_never_or_always_fires_earns_no_accuracy_points_not_even_for_its_speed()
    {
        await data.StoreAsync([.. Reports("med-haizhu-vitals-62", "haizhu-72", "ward-01", World("vitals-classification", 0.2))]);

        // 400 windows of 40 patients, 100 abnormal. A never-alerting model's time to alert is each episode's length plus
        // a window (audits count a missed episode so); an always-alerting one alerts at once, yet its macro F1 is 0.2.
        var never = new Dictionary<string, AuditMetric>(ClassificationAudit(tp: 0, fn: 100, fp: 0, tn: 300)) { [AccuracyKpis.TimeToAlertS.Key] = new(95, 88, 102, 40) };
        var always = new Dictionary<string, AuditMetric>(ClassificationAudit(tp: 100, fn: 0, fp: 300, tn: 0)) { [AccuracyKpis.TimeToAlertS.Key] = new(5, 5, 5, 40) };
        var good = Metrics("vitals-classification");

        var points = new Dictionary<string, double>();
        foreach (var (name, metrics) in new[] { ("never", never), ("always", always), ("good", good) })
        {
            var e = await EvaluateAsync("med-haizhu-vitals-62", new FixedAudits(FixedAudits.Of($"a-{name}", "haizhu-72", "ward-01", "vitals-classification", From.AddMinutes(1), metrics)));
            points[name] = e.Score.Kpis.Where(k => k.Rubric.Definition?.Kind == KpiKind.Accuracy).Sum(k => k.Points);
        }

        Assert.Equal((0.0, 0.0), (points["never"], points["always"]));
        Assert.True(points["good"] > 0, $"good {points["good"]}");
    }

    [Fact]
    public async Task A_device_that_reports_a_higher_accuracy_than_its_audit_shows_gains_nothing()
    {
        const string Honest = "mfg-panyu-inspection-70", Boastful = "mfg-liwan-inspection-81";
        // What the devices say of their own accuracy (diagnostic: computed from labels they hold) differs; their audits do not.
        var claims = new Dictionary<string, double> { ["classification_accuracy"] = 0.999, ["classification_f1"] = 0.999 };
        var modest = new Dictionary<string, double> { ["classification_accuracy"] = 0.9, ["classification_f1"] = 0.85 };
        await data.StoreAsync([
            .. Reports(Honest, "panyu-80", "line-01", new[] { World("visual-inspection", 0.1), modest }.SelectMany(d => d).ToDictionary()),
            .. Reports(Boastful, "liwan-91", "line-01", new[] { World("visual-inspection", 0.1), claims }.SelectMany(d => d).ToDictionary())]);
        var metrics = ClassificationAudit(tp: 17, fn: 3, fp: 8, tn: 172);
        var audits = new FixedAudits(FixedAudits.Of("a-honest", "panyu-80", "line-01", "visual-inspection", From.AddMinutes(1), metrics),
            FixedAudits.Of("a-boastful", "liwan-91", "line-01", "visual-inspection", From.AddMinutes(1), metrics));

        var honest = await EvaluateAsync(Honest, audits);
        var boastful = await EvaluateAsync(Boastful, audits);

        Assert.Equal(claims["classification_accuracy"], await data.NumberAsync($"SELECT mean(\"classification_accuracy\") FROM \"kpi\" WHERE \"scenario\" = '{Boastful}'"), 6);
        Assert.Equal(modest["classification_f1"], await data.NumberAsync($"SELECT mean(\"classification_f1\") FROM \"kpi\" WHERE \"scenario\" = '{Honest}'"), 6);
        Assert.Equal(Points(honest), Points(boastful));
        Assert.Equal((honest.Score.Score, honest.Score.Interval), (boastful.Score.Score, boastful.Score.Interval));
        var accuracy = boastful.Score.Kpis.Single(k => k.Rubric.Key == AccuracyKpis.ClassificationAccuracy.Key);
        Assert.Equal(metrics[AccuracyKpis.ClassificationAccuracy.Key].Value, accuracy.Value);
    }

    private static IReadOnlyList<(string Key, double Points)> Points(ScenarioEvaluation e) => [.. e.Score.Kpis.Select(k => (k.Rubric.Key, k.Points))];

    private Task<ScenarioEvaluation> EvaluateAsync(string scenarioId, IAuditResults audits)
    {
        Assert.True(data.Programme.Catalogue.TryGet(scenarioId, out var scenario));
        return new ScenarioEvaluator(new ScenarioReader(data.Client()), new EvidenceNotChecked(), audits)
            .EvaluateAsync(data.Programme, scenario, Period, CancellationToken.None);
    }

    // What each pipeline's world looks like: the monitoring KPIs its field windows report, driven by one number.
    private static Dictionary<string, double> World(string pipeline, double value) => pipeline switch
    {
        "traffic-detection" => new() { ["vehicle_flow_per_hour"] = value, ["vehicle_count"] = value / 360, ["pedestrian_count"] = value / 100 },
        "visual-inspection" => new() { ["defect_rate"] = value },
        _ => new() { ["abnormal_share"] = value, ["spo2_mean"] = 98 - (10 * value), ["spo2_min"] = 96 - (20 * value), ["heart_rate_mean"] = 70 + (40 * value) },
    };

    // Audit metrics of a good model of each pipeline, the same whatever the site.
    private static Dictionary<string, AuditMetric> Metrics(string pipeline) => pipeline switch
    {
        "traffic-detection" => new()
        {
            [AccuracyKpis.DetectionRecall.Key] = new(0.93, 0.9, 0.96, 100),
            [AccuracyKpis.DetectionPrecision.Key] = new(0.9, 0.86, 0.94, 100),
            [AccuracyKpis.DetectionAp50.Key] = new(0.85, 0.8, 0.9, 100),
        },
        "visual-inspection" => ClassificationAudit(tp: 25, fn: 3, fp: 3, tn: 169),
        _ => new(ClassificationAudit(tp: 90, fn: 10, fp: 5, tn: 295)) { [AccuracyKpis.TimeToAlertS.Key] = new(25, 20, 31, 40) },
    };

    /// <summary>Accuracy and macro F1 of a two-class confusion matrix, each with a ±0.02 interval (the fake states them; audits bootstrap them).</summary>
    private static Dictionary<string, AuditMetric> ClassificationAudit(int tp, int fn, int fp, int tn)
    {
        var items = tp + fn + fp + tn;
        // F1 of a class nothing was predicted as, or that has no items, is 0 (scikit-learn's zero_division=0).
        static double F1(int hit, int missed, int wrong) => hit == 0 ? 0 : 2.0 * hit / ((2.0 * hit) + missed + wrong);
        var accuracy = (double)(tp + tn) / items;
        var macroF1 = (F1(tp, fn, fp) + F1(tn, fp, fn)) / 2;
        return new()
        {
            [AccuracyKpis.ClassificationAccuracy.Key] = Around(accuracy, items),
            [AccuracyKpis.ClassificationMacroF1.Key] = Around(macroF1, items),
        };
    }

    private static AuditMetric Around(double value, int items) => new(value, Math.Max(0, value - 0.02), Math.Min(1, value + 0.02), items);

    // 24 windows of 10 s over the 4-minute period, none lost, the same service figures at every site.
    private static IEnumerable<KpiReport> Reports(string scenario, string site, string device, Dictionary<string, double> world) =>
        Enumerable.Range(1, 24).Select(seq => new KpiReport
        {
            V = 1,
            Site = site,
            Device = device,
            Scenario = scenario,
            Seq = seq,
            WindowStart = From.AddSeconds(10 * (seq - 1)),
            WindowEnd = From.AddSeconds(10 * seq),
            Kpis = new Dictionary<string, double>(world) { ["inference_p95_ms"] = seq % 2 == 0 ? 60 : 80, ["input_processed_share"] = 0.995 },
            Model = new ModelInfo("model", "1.0", new string('a', 64)),
        });
}
