using System.Numerics.Tensors;

namespace GzAiEdge.Inference.Processing;

/// <summary>How far an autoencoder's reconstruction is from its input; above a threshold, the input is anomalous.</summary>
public static class ReconstructionError
{
    /// <summary>Mean squared error between <paramref name="input"/> and <paramref name="reconstruction"/> (SIMD).</summary>
    public static float MeanSquared(ReadOnlySpan<float> input, ReadOnlySpan<float> reconstruction)
    {
        if (input.Length != reconstruction.Length || input.Length == 0)
        {
            throw new ArgumentException($"input has {input.Length} values, reconstruction {reconstruction.Length}; they must match and not be empty", nameof(reconstruction));
        }

        var distance = TensorPrimitives.Distance(input, reconstruction);
        return distance * distance / input.Length;
    }

    /// <summary>True when <paramref name="error"/> is over <paramref name="threshold"/>.</summary>
    public static bool IsAnomalous(float error, float threshold) => error > threshold;
}
