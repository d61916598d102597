using System.Text.Json;
using GzAiEdge.Audits.Scoring;
using GzAiEdge.Audits.TestSets;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Scenarios.Kpis;

namespace GzAiEdge.Audits.Tests.Metrics;

/// <summary>
/// The audit metrics against values scikit-learn computed once (models/make_metric_vectors.py, the command in the file):
/// roc_auc_score, accuracy_score, f1_score(average="macro"), and AP@0.5 from precision_recall_curve with the VOC envelope.
/// </summary>
public sealed class MetricVectorTests
{
    private const double Tolerance = 1e-12;

    private static readonly JsonElement Vectors =
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Metrics", "metric-vectors.json"))).RootElement;

    public static TheoryData<int> AurocCases => Cases("auroc");

    public static TheoryData<int> ClassificationCases => Cases("classification");

    public static TheoryData<int> DetectionCases => Cases("detection");

    [Fact]
    public void The_vectors_say_how_they_were_made()
    {
        Assert.StartsWith("/usr/bin/python3 models/make_metric_vectors.py (scikit-learn ", Vectors.GetProperty("made_by").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AurocCases))]
    public void Auroc_equals_scikit_learns_roc_auc_score(int index)
    {
        var v = Vectors.GetProperty("auroc")[index];
        var items = v.GetProperty("labels").EnumerateArray().Zip(v.GetProperty("scores").EnumerateArray())
            .Select(p => (p.Second.GetDouble(), p.First.GetInt32() == 1)).ToList();

        Assert.Equal(v.GetProperty("auroc").GetDouble(), RankMetrics.Auroc(items)!.Value, Tolerance);
    }

    [Theory]
    [MemberData(nameof(ClassificationCases))]
    public void Accuracy_and_macro_f1_equal_scikit_learns(int index)
    {
        var v = Vectors.GetProperty("classification")[index];
        var pairs = v.GetProperty("truth").EnumerateArray().Zip(v.GetProperty("predicted").EnumerateArray())
            .Select(p => (p.First.GetInt32(), p.Second.GetInt32())).ToList();

        Assert.Equal(v.GetProperty("accuracy").GetDouble(), RankMetrics.Accuracy(pairs)!.Value, Tolerance);
        Assert.Equal(v.GetProperty("macro_f1").GetDouble(), RankMetrics.MacroF1(pairs, v.GetProperty("classes").GetInt32())!.Value, Tolerance);
    }

    [Theory]
    [MemberData(nameof(DetectionCases))]
    public void Ap50_precision_and_recall_equal_the_envelope_over_scikit_learns_curve(int index)
    {
        var v = Vectors.GetProperty("detection")[index];
        var classes = v.GetProperty("classes").GetInt32();
        var (labels, outputs) = Detections(v, classes);

        var metrics = new DetectionScoring().Score(labels, outputs, v.GetProperty("threshold").GetDouble());

        Assert.Equal(v.GetProperty("ap50").GetDouble(), metrics[AccuracyKpis.DetectionAp50.Key].Value, Tolerance);
        Assert.Equal(v.GetProperty("precision").GetDouble(), metrics[AccuracyKpis.DetectionPrecision.Key].Value, Tolerance);
        Assert.Equal(v.GetProperty("recall").GetDouble(), metrics[AccuracyKpis.DetectionRecall.Key].Value, Tolerance);
    }

    private static (TestSetLabels, List<AuditItemAnswer>) Detections(JsonElement v, int classes)
    {
        // The vectors number classes 0..n-1; the detector's classes are named, so the cases use the first n names.
        string[] names = ["vehicle", "pedestrian", "cyclist"];
        var items = new List<ItemLabel>();
        var outputs = new List<AuditItemAnswer>();
        foreach (var (image, i) in v.GetProperty("images").EnumerateArray().Select((e, i) => (e, i)))
        {
            items.Add(new ItemLabel($"i{i}")
            {
                Boxes = [.. image.GetProperty("truths").EnumerateArray().Select(t => new LabelBox(t[0].GetInt32(), t[1].GetDouble(), t[2].GetDouble(), t[3].GetDouble(), t[4].GetDouble()))],
            });
            outputs.Add(new AuditItemAnswer
            {
                Id = $"i{i}",
                LatencyMs = [1],
                Boxes = [.. image.GetProperty("detections").EnumerateArray().Select(d =>
                    new AuditBox(names[d[0].GetInt32()], d[1].GetDouble(), d[2].GetDouble(), d[3].GetDouble(), d[4].GetDouble(), d[5].GetDouble()))],
            });
        }

        return (new TestSetLabels("traffic-detection", names[..classes], items), outputs);
    }

    private static TheoryData<int> Cases(string name) => [.. Enumerable.Range(0, Vectors.GetProperty(name).GetArrayLength())];
}
