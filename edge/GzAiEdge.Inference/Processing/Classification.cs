using System.Numerics.Tensors;

namespace GzAiEdge.Inference.Processing;

/// <summary>Post-processing for classifiers: softmax over logits and the top k classes.</summary>
public static class Classification
{
    /// <summary>Softmax of <paramref name="logits"/> into <paramref name="probabilities"/> (numerically stable, SIMD).</summary>
    public static void Softmax(ReadOnlySpan<float> logits, Span<float> probabilities) =>
        TensorPrimitives.SoftMax(logits, probabilities);

    /// <summary>
    /// The <paramref name="top"/>.Length best classes of <paramref name="scores"/>, best first; ties go to the
    /// lower class index. Returns how many were written (fewer when there are fewer classes).
    /// </summary>
    public static int TopK(ReadOnlySpan<float> scores, Span<(int ClassId, float Score)> top)
    {
        var k = Math.Min(top.Length, scores.Length);
        var filled = 0;
        for (var c = 0; c < scores.Length; c++)
        {
            var s = scores[c];
            if (filled == k && s <= top[k - 1].Score)
            {
                continue;
            }

            var i = filled < k ? filled++ : k - 1;
            while (i > 0 && top[i - 1].Score < s)
            {
                top[i] = top[i - 1];
                i--;
            }

            top[i] = (c, s);
        }

        return filled;
    }
}
