using System.Numerics.Tensors;

namespace GzAiEdge.Inference.Processing;

/// <summary>Where a letterboxed frame sits in the model input: scale, then padding on the left and top.</summary>
public readonly record struct LetterboxTransform(float Scale, int PadX, int PadY, int Width, int Height)
{
    /// <summary>A point in model-input pixels mapped back to the original frame.</summary>
    public (float X, float Y) ToFrame(float x, float y) => ((x - PadX) / Scale, (y - PadY) / Scale);
}

/// <summary>
/// Fits an RGB frame into a model input of another size without distorting it (YOLO's letterbox): scale
/// by the smaller ratio, centre, fill the rest with grey 114. Bilinear sampling with half-pixel centres
/// (as OpenCV's INTER_LINEAR and torch's align_corners=False). Writes planar CHW floats in 0..1.
/// </summary>
public static class Letterbox
{
    /// <summary>Grey of the padding, as YOLO uses it.</summary>
    public const float PadValue = 114f / 255f;

    private const float ToUnit = 1f / 255f;

    /// <summary>The transform from a <paramref name="width"/> x <paramref name="height"/> frame into the target.</summary>
    public static LetterboxTransform Fit(int width, int height, int targetWidth, int targetHeight)
    {
        var scale = Math.Min((float)targetWidth / width, (float)targetHeight / height);
        var w = (int)Math.Round(width * scale, MidpointRounding.ToEven);
        var h = (int)Math.Round(height * scale, MidpointRounding.ToEven);
        return new LetterboxTransform(scale, (targetWidth - w) / 2, (targetHeight - h) / 2, w, h);
    }

    /// <summary>
    /// Letterboxes <paramref name="rgb"/> (interleaved RGB24, row-major) into <paramref name="chw"/>
    /// (3 planes of <paramref name="targetWidth"/> x <paramref name="targetHeight"/>). Allocates nothing.
    /// </summary>
    public static LetterboxTransform ToChw(ReadOnlySpan<byte> rgb, int width, int height, Span<float> chw, int targetWidth, int targetHeight)
    {
        if (rgb.Length < width * height * 3)
        {
            throw new ArgumentException($"frame holds {rgb.Length} bytes, {width}x{height} RGB needs {width * height * 3}", nameof(rgb));
        }

        var plane = targetWidth * targetHeight;
        if (chw.Length < 3 * plane)
        {
            throw new ArgumentException($"target holds {chw.Length} floats, 3x{targetHeight}x{targetWidth} needs {3 * plane}", nameof(chw));
        }

        var t = Fit(width, height, targetWidth, targetHeight);
        if (t.Width == width && t.Height == height && t.PadX == 0 && t.PadY == 0)
        {
            Deinterleave(rgb, chw, plane);
            return t;
        }

        chw[..(3 * plane)].Fill(PadValue);
        Span<int> x0 = stackalloc int[t.Width];
        Span<int> x1 = stackalloc int[t.Width];
        Span<float> fx = stackalloc float[t.Width];
        for (var x = 0; x < t.Width; x++)
        {
            (x0[x], x1[x], fx[x]) = Source(x, t.Scale, width);
        }

        for (var y = 0; y < t.Height; y++)
        {
            var (y0, y1, fy) = Source(y, t.Scale, height);
            var row0 = rgb.Slice(y0 * width * 3, width * 3);
            var row1 = rgb.Slice(y1 * width * 3, width * 3);
            var offset = ((y + t.PadY) * targetWidth) + t.PadX;
            for (var x = 0; x < t.Width; x++)
            {
                int a = x0[x] * 3, b = x1[x] * 3;
                for (var c = 0; c < 3; c++)
                {
                    var top = row0[a + c] + ((row0[b + c] - row0[a + c]) * fx[x]);
                    var bottom = row1[a + c] + ((row1[b + c] - row1[a + c]) * fx[x]);
                    chw[(c * plane) + offset + x] = (top + ((bottom - top) * fy)) * ToUnit;
                }
            }
        }

        return t;
    }

    /// <summary>Per-channel <c>(x - mean) / std</c> over planar CHW data (ImageNet-style models), SIMD.</summary>
    public static void Normalize(Span<float> chw, int plane, ReadOnlySpan<float> mean, ReadOnlySpan<float> std)
    {
        for (var c = 0; c < mean.Length; c++)
        {
            var p = chw.Slice(c * plane, plane);
            TensorPrimitives.Subtract(p, mean[c], p);
            TensorPrimitives.Multiply(p, 1f / std[c], p);
        }
    }

    // Half-pixel centres: destination pixel d samples source (d + 0.5) / scale - 0.5, clamped to the frame.
    private static (int Lo, int Hi, float Frac) Source(int d, float scale, int size)
    {
        var s = Math.Clamp(((d + 0.5f) / scale) - 0.5f, 0, size - 1);
        var lo = (int)s;
        return (lo, Math.Min(lo + 1, size - 1), s - lo);
    }

    private static void Deinterleave(ReadOnlySpan<byte> rgb, Span<float> chw, int plane)
    {
        for (var i = 0; i < plane; i++)
        {
            chw[i] = rgb[i * 3] * ToUnit;
            chw[plane + i] = rgb[(i * 3) + 1] * ToUnit;
            chw[(2 * plane) + i] = rgb[(i * 3) + 2] * ToUnit;
        }
    }
}
