namespace GzAiEdge.Inference.Processing;

/// <summary>A detected object: class, confidence and box corners (x1, y1) – (x2, y2) in frame pixels.</summary>
public readonly record struct Detection(int ClassId, float Score, float X1, float Y1, float X2, float Y2)
{
    public float CenterX => (X1 + X2) / 2;

    public float CenterY => (Y1 + Y2) / 2;

    public float Area => Math.Max(0, X2 - X1) * Math.Max(0, Y2 - Y1);

    /// <summary>Intersection over union of two boxes; 0 when they do not overlap.</summary>
    public float IoU(in Detection other)
    {
        var w = Math.Min(X2, other.X2) - Math.Max(X1, other.X1);
        var h = Math.Min(Y2, other.Y2) - Math.Max(Y1, other.Y1);
        if (w <= 0 || h <= 0)
        {
            return 0;
        }

        var inter = w * h;
        return inter / (Area + other.Area - inter);
    }
}
