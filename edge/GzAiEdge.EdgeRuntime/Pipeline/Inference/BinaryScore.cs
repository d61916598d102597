using GzAiEdge.Scenarios.Kpis;

namespace GzAiEdge.EdgeRuntime.Pipeline.Inference;

/// <summary>
/// Labelled-replay scoring of a yes/no decision, as samples a window turns into accuracy and F1:
/// F1 = 2TP / (2TP + FP + FN), so each decision adds 2 (TP), 1 (FP or FN) or 0 (TN) to the denominator.
/// </summary>
public static class BinaryScore
{
    public const string Correct = "label_correct";
    public const string F1Numerator = "label_f1_num";
    public const string F1Denominator = "label_f1_den";

    public static readonly IReadOnlyList<WindowKpi> Kpis =
    [
        new(DiagnosticKpis.ClassificationAccuracy.Key, Correct, WindowAggregation.Mean),
        new(DiagnosticKpis.ClassificationF1.Key, F1Numerator, WindowAggregation.Ratio, F1Denominator),
    ];

    public static void Add(DateTimeOffset time, bool predicted, bool actual, List<Sample> samples)
    {
        samples.Add(new Sample(time, Correct, predicted == actual ? 1 : 0));
        samples.Add(new Sample(time, F1Numerator, predicted && actual ? 2 : 0));
        samples.Add(new Sample(time, F1Denominator, (predicted && actual ? 2 : 0) + (predicted != actual ? 1 : 0)));
    }
}
