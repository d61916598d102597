using GzAiEdge.FieldAudits.Items;
using GzAiEdge.Scenarios.Audits;
using GzAiEdge.Scenarios.Kpis;

namespace GzAiEdge.FieldAudits.Labels;

/// <summary>What a label of each pipeline's items carries, and the checks a submitted label must pass (each error names its field).</summary>
public static class LabelRules
{
    /// <summary>A label of boxes (detection).</summary>
    public const string Boxes = "boxes";

    /// <summary>A label of one true class (classification).</summary>
    public const string Class = "class";

    /// <summary>A label of anomaly yes or no.</summary>
    public const string Anomaly = "anomaly";

    private const int MaxBoxes = 500;
    private const int MaxText = 200;

    /// <summary>What a label of <paramref name="pipeline"/>'s items carries; null for a pipeline without a model (nothing to label).</summary>
    public static string? KindOf(string pipeline) => pipeline switch
    {
        PipelineNames.TrafficDetection => Boxes,
        PipelineNames.VisualInspection or PipelineNames.VitalsClassification => Class,
        PipelineNames.VibrationAnomaly => Anomaly,
        _ => null,
    };

    /// <summary>The classes a label of <paramref name="item"/> may name: the detector's counted groups, or the classifier's own classes; null for anomaly labels.</summary>
    public static IReadOnlyList<string>? ClassesOf(FieldItem item) => KindOf(item.Pipeline) switch
    {
        Boxes => AuditedPipelines.DetectionClasses,
        Class => item.Outputs?.Classes,
        _ => null,
    };

    /// <summary>The errors of <paramref name="label"/> for <paramref name="item"/>, by field; empty when it can be stored.</summary>
    public static Dictionary<string, string[]> Check(FieldItem item, LabelInput? label)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field, []), message];
        if (label is null)
        {
            Add("label", "the body must be a label: {\"boxes\": [...]}, {\"class\": \"...\"} or {\"anomaly\": true|false}");
            return errors;
        }

        var kind = KindOf(item.Pipeline);
        if (label.Note is { Length: > MaxText })
        {
            Add("note", $"at most {MaxText} characters");
        }

        switch (kind)
        {
            case Boxes when label.Boxes is null:
                Add("boxes", "a detection label lists every object's box (an empty list when there is none)");
                break;
            case Boxes:
                CheckBoxes(item, label.Boxes, Add);
                break;
            case Class when string.IsNullOrWhiteSpace(label.Class):
                Add("class", $"a classification label names the true class{Known(item)}");
                break;
            case Class when item.Outputs?.Classes is { } classes && !classes.Contains(label.Class!, StringComparer.Ordinal):
                Add("class", $"'{label.Class}' is not a class of this model{Known(item)}");
                break;
            case Anomaly when label.Anomaly is null:
                Add("anomaly", "an anomaly label says true (an anomaly) or false");
                break;
            case null:
                Add("item", $"items of {item.Pipeline} have nothing to label");
                break;
        }

        foreach (var (field, present) in new[] { ("boxes", label.Boxes is not null), ("class", label.Class is not null), ("anomaly", label.Anomaly is not null) })
        {
            if (present && field != kind && kind is not null)
            {
                Add(field, $"items of {item.Pipeline} are labelled with {kind} only");
            }
        }

        return errors;
    }

    private static void CheckBoxes(FieldItem item, IReadOnlyList<FieldBox> boxes, Action<string, string> add)
    {
        if (boxes.Count > MaxBoxes)
        {
            add("boxes", $"at most {MaxBoxes} boxes");
            return;
        }

        var (w, h) = (item.Shape?.Width ?? 0, item.Shape?.Height ?? 0);
        for (var i = 0; i < boxes.Count; i++)
        {
            var b = boxes[i];
            if (b is null || string.IsNullOrWhiteSpace(b.Class) || b.Class.Length > 64)
            {
                add($"boxes[{i}].class", "names the object's class (1 to 64 characters)");
                continue;
            }

            if (!(double.IsFinite(b.X1) && double.IsFinite(b.Y1) && double.IsFinite(b.X2) && double.IsFinite(b.Y2)) || b.X1 >= b.X2 || b.Y1 >= b.Y2)
            {
                add($"boxes[{i}]", "needs finite corners with x1 < x2 and y1 < y2");
            }
            else if (w > 0 && (b.X1 < 0 || b.Y1 < 0 || b.X2 > w || b.Y2 > h))
            {
                add($"boxes[{i}]", $"lies outside the {w}x{h} image");
            }
        }
    }

    private static string Known(FieldItem item) => item.Outputs?.Classes is { Count: > 0 } c ? $" (one of {string.Join(", ", c)})" : string.Empty;
}
