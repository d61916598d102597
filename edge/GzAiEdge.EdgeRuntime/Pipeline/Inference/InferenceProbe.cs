using System.Numerics;
using GzAiEdge.Inference;

namespace GzAiEdge.EdgeRuntime.Pipeline.Inference;

/// <summary>
/// Watches a newly loaded model's first runs, because a model that loads can still fail or return garbage on real input: each must
/// finish and leave only finite numbers in its floating-point outputs. A run that does not throws
/// <see cref="InvalidDataException"/> from <see cref="ModelRunner.Run"/>, which ends the source's trial.
/// </summary>
public sealed class InferenceProbe(int required)
{
    private int _passed;

    /// <summary>Runs that must pass.</summary>
    public int Required { get; } = required;

    /// <summary>Runs that passed so far.</summary>
    public int Passed => Volatile.Read(ref _passed);

    /// <summary>Whether <see cref="Required"/> runs passed.</summary>
    public bool Done => Passed >= Required;

    internal void Check(InferenceSession session, SessionBinding binding)
    {
        for (var i = 0; i < session.Outputs.Count; i++)
        {
            var output = session.Outputs[i];
            var bad = output.ElementType switch
            {
                TensorElementType.Float => FirstNonFinite(binding.Output<float>(i)),
                TensorElementType.Double => FirstNonFinite(binding.Output<double>(i)),
                _ => null,
            };
            if (bad is var (index, value))
            {
                throw new InvalidDataException($"inference {Passed + 1} of {Required}: output '{output.Name}' holds {value} at index {index}");
            }
        }

        Interlocked.Increment(ref _passed);
    }

    private static (int, double)? FirstNonFinite<T>(ReadOnlySpan<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!T.IsFinite(values[i]))
            {
                return (i, double.CreateChecked(values[i]));
            }
        }

        return null;
    }
}
