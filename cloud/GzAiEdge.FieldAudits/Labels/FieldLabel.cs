namespace GzAiEdge.FieldAudits.Labels;

/// <summary>A box an evaluator confirmed, drew or corrected: its class and corners in the input's pixels.</summary>
public sealed record FieldBox(string Class, double X1, double Y1, double X2, double Y2)
{
    /// <summary>Intersection over union with <paramref name="other"/> (0 when they do not overlap).</summary>
    public double Iou(FieldBox other)
    {
        var w = Math.Min(X2, other.X2) - Math.Max(X1, other.X1);
        var h = Math.Min(Y2, other.Y2) - Math.Max(Y1, other.Y1);
        if (w <= 0 || h <= 0)
        {
            return 0;
        }

        var inter = w * h;
        return inter / (((X2 - X1) * (Y2 - Y1)) + ((other.X2 - other.X1) * (other.Y2 - other.Y1)) - inter);
    }
}

/// <summary>
/// What an evaluator submits for an item: the true boxes (detection: every object, an empty list when there is none),
/// the true class (classification), or whether the input is an anomaly (anomaly pipelines); a note is optional.
/// </summary>
public sealed record LabelInput(IReadOnlyList<FieldBox>? Boxes, string? Class, bool? Anomaly, string? Note);

/// <summary>A label as stored: the item, who labelled it and when, and what they said.</summary>
public sealed record FieldLabel(string Item, string Evaluator, DateTimeOffset Labelled, IReadOnlyList<FieldBox>? Boxes, string? Class, bool? Anomaly, string? Note);
