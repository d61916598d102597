using GzAiEdge.Contracts.Evidence;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.FieldAudits.Items;
using GzAiEdge.FieldAudits.Labels;
using GzAiEdge.FieldAudits.Scoring;
using GzAiEdge.Scenarios.Kpis;

namespace GzAiEdge.FieldAudits.Tests;

/// <summary>Field KPIs from labels, against figures worked out by hand, including an item the device could not produce.</summary>
public sealed class FieldScoringTests
{
    private static readonly DateTimeOffset End = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Field_detection_precision_and_recall_equal_a_hand_computation_and_an_evicted_item_counts_against_the_device()
    {
        AuditBox[] frame1 = [Box("vehicle", 10, 10, 50, 50), Box("vehicle", 100, 100, 150, 150), Box("pedestrian", 200, 10, 220, 60)];
        AuditBox[] frame2 = [Box("vehicle", 0, 0, 40, 40)];
        var items = new[]
        {
            Item("a", frame1), Item("b", frame2), Item("c", []), Item("d", null, FieldItemStates.Evicted),
            Item("e", [Box("vehicle", 1, 1, 9, 9)]), // received but not labelled: not counted
            Item("f", null, FieldItemStates.Empty), // the window had no such input: not counted either way
        };
        var labels = new[]
        {
            // a: the first two vehicles are there (one moved a little), the pedestrian is not; a missed bus.
            Label("a", "eva", Truth("vehicle", 12, 10, 52, 50), Truth("vehicle", 100, 100, 150, 150), Truth("vehicle", 300, 300, 360, 340)),
            // b: the vehicle is labelled a pedestrian (class differs: no match).
            Label("b", "eva", Truth("pedestrian", 0, 0, 40, 40)),
            // c: nothing detected, one object there.
            Label("c", "eva", Truth("vehicle", 60, 60, 90, 90)),
            // A second evaluator on a: the first by name ("eva") is the truth, so this changes nothing.
            Label("a", "zed"),
        };

        var metrics = FieldScoring.Score(items, labels);

        // Device boxes 3 + 1 + 0, plus 1 for the evicted item = 5; matched 2 (a's two vehicles).
        // Objects 3 + 1 + 1, plus 1 for the evicted item = 6; matched 2.
        Assert.Equal(2.0 / 5, metrics[FieldAccuracyKpis.DetectionPrecision.Key].Value, 12);
        Assert.Equal(2.0 / 6, metrics[FieldAccuracyKpis.DetectionRecall.Key].Value, 12);
        Assert.Equal(4, metrics[FieldAccuracyKpis.DetectionPrecision.Key].Items);
        var (low, high) = Wilson.Interval(2, 5);
        Assert.Equal(low, metrics[FieldAccuracyKpis.DetectionPrecision.Key].Low, 12);
        Assert.Equal(high, metrics[FieldAccuracyKpis.DetectionPrecision.Key].High, 12);
        Assert.False(metrics.ContainsKey(FieldAccuracyKpis.ClassificationAccuracy.Key));
    }

    [Fact]
    public void Classification_accuracy_and_anomaly_precision_count_unproduced_items_as_wrong()
    {
        string[] classes = ["normal", "abnormal"];
        var vitals = new[] { ("v1", 1, "abnormal"), ("v2", 0, "normal"), ("v3", 1, "normal"), ("v4", 0, "abnormal") }
            .Select(v => Item(v.Item1, null, pipeline: PipelineNames.VitalsClassification,
                outputs: new EvidenceOutputs { Positive = v.Item2 == 1, Classes = classes, Scores = [0.5, 0.5], Decision = v.Item2 })).ToList();
        vitals.Add(Item("v5", null, FieldItemStates.Refused, PipelineNames.VitalsClassification));
        var anomalies = new[]
        {
            Item("m1", null, pipeline: PipelineNames.VibrationAnomaly, outputs: new EvidenceOutputs { Positive = true, Error = 0.2 }),
            Item("m2", null, pipeline: PipelineNames.VibrationAnomaly, outputs: new EvidenceOutputs { Positive = true, Error = 0.3 }),
            Item("m3", null, pipeline: PipelineNames.VibrationAnomaly, outputs: new EvidenceOutputs { Positive = false, Error = 0.01 }, stratum: Strata.Negative),
            Item("m4", null, FieldItemStates.Unanswered, PipelineNames.VibrationAnomaly),
        };
        var labels = vitals.Take(4).Select((v, i) => new FieldLabel(v.Id, "eva", End, null, new[] { "abnormal", "normal", "normal", "abnormal" }[i], null, null))
            .Concat([new FieldLabel("m1", "eva", End, null, null, true, null), new FieldLabel("m2", "eva", End, null, null, false, null), new FieldLabel("m3", "eva", End, null, null, true, null)])
            .ToList();

        var metrics = FieldScoring.Score([.. vitals, .. anomalies], labels);

        // v1 right, v2 right, v3 wrong, v4 wrong, v5 refused (wrong): 2 of 5.
        Assert.Equal(0.4, metrics[FieldAccuracyKpis.ClassificationAccuracy.Key].Value, 12);
        Assert.Equal(5, metrics[FieldAccuracyKpis.ClassificationAccuracy.Key].Items);
        // Flagged: m1 (true), m2 (false), and m4 unanswered from the positives (false); m3 was not flagged: 1 of 3.
        Assert.Equal(1.0 / 3, metrics[FieldAccuracyKpis.AnomalyPrecision.Key].Value, 12);
    }

    [Theory]
    [InlineData(8, 10, 0.4901624, 0.9433178)]
    [InlineData(0, 10, 0.0, 0.2775328)]
    [InlineData(5, 5, 0.5655175, 1.0)]
    public void Wilson_intervals_match_published_values(int successes, int trials, double low, double high)
    {
        // Values from the closed form (Newcombe 1998, method 3), which R's prop.test(correct = FALSE) also gives.
        var (l, h) = Wilson.Interval(successes, trials);
        Assert.Equal(low, l, 6);
        Assert.Equal(high, h, 6);
    }

    private static AuditBox Box(string cls, double x1, double y1, double x2, double y2) => new(cls, 0.9, x1, y1, x2, y2);

    private static FieldBox Truth(string cls, double x1, double y1, double x2, double y2) => new(cls, x1, y1, x2, y2);

    private static FieldLabel Label(string item, string evaluator, params FieldBox[] boxes) => new(item, evaluator, End, boxes, null, null, null);

    private static FieldItem Item(string id, AuditBox[]? boxes, string state = FieldItemStates.Received, string pipeline = PipelineNames.TrafficDetection,
        EvidenceOutputs? outputs = null, string stratum = Strata.Positive) =>
        new(id, "p", "s", "site", "dev", pipeline, 1, new string('a', 64), End.AddMinutes(-1), End, stratum, 0.5, state, null, null, null, null, null,
            EvidenceShape.OfImage(640, 640), state == FieldItemStates.Received ? outputs ?? new EvidenceOutputs { Positive = boxes is { Length: > 0 }, Boxes = boxes } : null,
            End.AddSeconds(-30), End, End);
}
