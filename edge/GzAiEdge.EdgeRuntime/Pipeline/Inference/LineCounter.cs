using GzAiEdge.Inference.Processing;

namespace GzAiEdge.EdgeRuntime.Pipeline.Inference;

/// <summary>
/// Counts objects crossing a horizontal line between consecutive frames. Each detection is paired with
/// the nearest unpaired detection of the same class in the previous frame, within one box size (traffic
/// at 5 fps moves less than its own length per frame); a pair on both sides of the line is one crossing.
/// </summary>
public sealed class LineCounter(float lineY)
{
    private readonly List<Detection> _previous = [];
    private readonly List<bool> _paired = [];

    public float LineY { get; } = lineY;

    /// <summary>Pairs <paramref name="current"/> with the previous frame; calls <paramref name="crossed"/> with the class of each crossing.</summary>
    public void Next(List<Detection> current, Action<int> crossed)
    {
        _paired.Clear();
        _paired.AddRange(Enumerable.Repeat(false, _previous.Count));
        foreach (var d in current)
        {
            var reach = Math.Max(d.X2 - d.X1, d.Y2 - d.Y1);
            var best = -1;
            var bestDistance = reach;
            for (var i = 0; i < _previous.Count; i++)
            {
                var p = _previous[i];
                var distance = MathF.Sqrt(((p.CenterX - d.CenterX) * (p.CenterX - d.CenterX)) + ((p.CenterY - d.CenterY) * (p.CenterY - d.CenterY)));
                if (!_paired[i] && p.ClassId == d.ClassId && distance < bestDistance)
                {
                    (best, bestDistance) = (i, distance);
                }
            }

            if (best >= 0)
            {
                _paired[best] = true;
                if ((_previous[best].CenterY < LineY) != (d.CenterY < LineY))
                {
                    crossed(d.ClassId);
                }
            }
        }

        _previous.Clear();
        _previous.AddRange(current);
    }

    /// <summary>Forgets the previous frame (the replay looped: the next frame does not follow it).</summary>
    public void Reset() => _previous.Clear();
}
