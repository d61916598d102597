namespace GzAiEdge.Inference;

/// <summary>The height and width, in pixels, at which an image model runs (the H and W of <c>[1,C,H,W]</c>).</summary>
public readonly record struct ImageSize(int Height, int Width)
{
    /// <summary>E.g. <c>480x640</c>: height first, as in the input shape and in Ultralytics' <c>imgsz</c>.</summary>
    public override string ToString() => $"{Height}x{Width}";
}
