namespace GzAiEdge.Inference.Processing;

/// <summary>The two output layouts YOLO exports use.</summary>
public enum YoloLayout
{
    /// <summary>YOLOv8/v11: <c>[1, 4+nc, N]</c>, rows cx, cy, w, h, then class scores; no objectness.</summary>
    V8,

    /// <summary>YOLOv5/v7: <c>[1, N, 5+nc]</c>, per anchor cx, cy, w, h, objectness, class scores.</summary>
    V5,
}

/// <summary>
/// Turns a YOLO output tensor into detections in frame coordinates: best class per anchor, score threshold,
/// class-wise non-maximum suppression (a box suppresses only boxes of its own class), then the letterbox
/// undone and boxes clipped to the frame. Buffers are sized once, so decoding allocates nothing.
/// </summary>
public sealed class YoloDecoder
{
    private readonly float[] _keys;
    private readonly Detection[] _candidates;
    private readonly bool[] _suppressed;

    public YoloDecoder(YoloLayout layout, int classes, int anchors, float scoreThreshold = 0.5f, float iouThreshold = 0.45f, int maxDetections = 300)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(anchors, 1);
        Layout = layout;
        Classes = classes;
        Anchors = anchors;
        ScoreThreshold = scoreThreshold;
        IouThreshold = iouThreshold;
        MaxDetections = maxDetections;
        _keys = new float[anchors];
        _candidates = new Detection[anchors];
        _suppressed = new bool[anchors];
    }

    public YoloLayout Layout { get; }

    public int Classes { get; }

    public int Anchors { get; }

    public float ScoreThreshold { get; }

    public float IouThreshold { get; }

    public int MaxDetections { get; }

    /// <summary>Element count the output tensor must have.</summary>
    public int OutputLength => Anchors * (Classes + (Layout == YoloLayout.V8 ? 4 : 5));

    /// <summary>Clears <paramref name="results"/> and fills it with the kept detections, best first.</summary>
    public void Decode(ReadOnlySpan<float> output, LetterboxTransform letterbox, int frameWidth, int frameHeight, List<Detection> results)
    {
        if (output.Length != OutputLength)
        {
            throw new ArgumentException($"a {Layout} output with {Classes} classes and {Anchors} anchors has {OutputLength} values, got {output.Length}", nameof(output));
        }

        results.Clear();
        var count = Collect(output);
        Array.Sort(_keys, _candidates, 0, count);   // keys are negated scores: best first
        Array.Clear(_suppressed, 0, count);
        for (var i = 0; i < count && results.Count < MaxDetections; i++)
        {
            if (_suppressed[i])
            {
                continue;
            }

            var kept = _candidates[i];
            for (var j = i + 1; j < count; j++)
            {
                if (!_suppressed[j] && _candidates[j].ClassId == kept.ClassId && kept.IoU(_candidates[j]) > IouThreshold)
                {
                    _suppressed[j] = true;
                }
            }

            results.Add(ToFrame(kept, letterbox, frameWidth, frameHeight));
        }
    }

    private int Collect(ReadOnlySpan<float> output)
    {
        var count = 0;
        var n = Anchors;
        var stride = Classes + 5;
        for (var a = 0; a < n; a++)
        {
            float cx, cy, w, h, score = float.MinValue;
            var best = 0;
            if (Layout == YoloLayout.V8)
            {
                (cx, cy, w, h) = (output[a], output[n + a], output[(2 * n) + a], output[(3 * n) + a]);
                for (var c = 0; c < Classes; c++)
                {
                    var s = output[((4 + c) * n) + a];
                    (score, best) = s > score ? (s, c) : (score, best);
                }
            }
            else
            {
                var row = output.Slice(a * stride, stride);
                (cx, cy, w, h) = (row[0], row[1], row[2], row[3]);
                for (var c = 0; c < Classes; c++)
                {
                    var s = row[4] * row[5 + c];
                    (score, best) = s > score ? (s, c) : (score, best);
                }
            }

            if (score >= ScoreThreshold)
            {
                _candidates[count] = new Detection(best, score, cx - (w / 2), cy - (h / 2), cx + (w / 2), cy + (h / 2));
                _keys[count++] = -score;
            }
        }

        return count;
    }

    private static Detection ToFrame(in Detection d, LetterboxTransform t, int width, int height)
    {
        var (x1, y1) = t.ToFrame(d.X1, d.Y1);
        var (x2, y2) = t.ToFrame(d.X2, d.Y2);
        return d with { X1 = Math.Clamp(x1, 0, width), Y1 = Math.Clamp(y1, 0, height), X2 = Math.Clamp(x2, 0, width), Y2 = Math.Clamp(y2, 0, height) };
    }
}
