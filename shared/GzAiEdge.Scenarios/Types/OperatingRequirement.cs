using System.Globalization;

namespace GzAiEdge.Scenarios.Types;

/// <summary>
/// The rate and latency a type's model pipeline must sustain (EVALUATION.md, Scores and ranks): what its inference p95
/// KPI is scored against. The loader checks that the type's <c>inference_p95_ms</c> target is
/// <see cref="InferenceP95Ms"/> and that its threshold leaves the model time to keep up with <see cref="InputsPerSecond"/>.
/// </summary>
/// <param name="InputsPerSecond">Model inputs (frames, windows) per second the pipeline must keep up with.</param>
/// <param name="InferenceP95Ms">The 95th percentile of the model's run time per input that the demonstration must meet.</param>
/// <param name="Reason">Where the rate and the latency come from, in one line.</param>
public sealed record OperatingRequirement(double InputsPerSecond, double InferenceP95Ms, string Reason)
{
    /// <summary>Time between inputs at the required rate: a p95 beyond it means the model falls behind its input.</summary>
    public double InputIntervalMs => 1000 / InputsPerSecond;

    /// <summary>The requirement in words, e.g. <c>inference p95 ≤ 100 ms at 5 inputs/s</c>.</summary>
    public string Text => string.Create(CultureInfo.InvariantCulture, $"inference p95 ≤ {InferenceP95Ms:0.###} ms at {InputsPerSecond:0.###} inputs/s");
}
