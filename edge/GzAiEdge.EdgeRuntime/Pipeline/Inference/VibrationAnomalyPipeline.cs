using GzAiEdge.Contracts.Evidence;
using GzAiEdge.Devices.Replay;
using GzAiEdge.Devices.Sources;
using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.EdgeRuntime.Evidence;
using GzAiEdge.Inference;
using GzAiEdge.Inference.Processing;
using GzAiEdge.Scenarios.Kpis;

namespace GzAiEdge.EdgeRuntime.Pipeline.Inference;

/// <summary>
/// Accelerometer samples → sliding windows → autoencoder → reconstruction error → anomaly over the
/// threshold (vibration-anomaly in docs/kpis.md). With labels, the delay from each fault's onset to the
/// end of the first window flagged after it.
/// </summary>
public sealed partial class VibrationAnomalyPipeline : ModelPipeline, IAuditable
{
    private const string Flag = "vibration_window", Error = "reconstruction_error", Delay = "anomaly_detection_delay";

    private readonly SeriesInput _series;
    private readonly float _threshold;
    private readonly bool _labelled;

    /// <param name="labels">Labelled mode: the replay <paramref name="signal"/> plays, whose fault events time the detection; else null.</param>
    public VibrationAnomalyPipeline(ModelRunner runner, ISignalSource signal, PipelineOptions options, ReplayData? labels)
        : base(runner, signal, Own(labels is not null))
    {
        var input = runner.Session.Inputs[0];
        var output = runner.Session.Outputs[0];
        if (signal.Format.Channels.Count != 1 || input.ElementType != TensorElementType.Float || !input.IsStatic || output.ElementCount != input.ElementCount)
        {
            throw new InvalidDataException($"model '{runner.Session.GraphName}' ({input} → {output}) and a signal of {signal.Format.Channels.Count} channels do not make a one-channel autoencoder");
        }

        if (options.AnomalyThreshold <= 0)
        {
            throw new InvalidDataException("Pipeline:AnomalyThreshold must be set (over 0) for vibration-anomaly; the model card gives it");
        }

        var length = (int)input.ElementCount;
        _series = new SeriesInput(signal, new SlidingWindow(length, options.HopSamples > 0 ? options.HopSamples : length / 2), labels, Settled);
        _threshold = (float)options.AnomalyThreshold;
        _labelled = labels is not null;
    }

    private protected override void Step(DateTimeOffset time, double seconds, List<Sample> samples) =>
        _series.Advance(time, seconds, _ => { }, () => Score(time, samples));

    private static WindowKpi[] Own(bool labelled) =>
    [
        new(ManufacturingKpis.VibrationWindows.Key, Flag, WindowAggregation.Count),
        new(ManufacturingKpis.AnomalyRate.Key, Flag, WindowAggregation.Mean),
        new(ManufacturingKpis.ReconstructionErrorMean.Key, Error, WindowAggregation.Mean),
        new(ManufacturingKpis.ReconstructionErrorMax.Key, Error, WindowAggregation.Max),
        .. labelled ? [new WindowKpi(DiagnosticKpis.AnomalyDetectionDelayS.Key, Delay, WindowAggregation.Mean)] : Array.Empty<WindowKpi>(),
    ];

    private void Score(DateTimeOffset time, List<Sample> samples)
    {
        _series.Window.CopyTo(Runner.Binding.Input<float>(0));
        var (error, anomalous) = Reconstruct(time, samples);
        if (Evidence is { } ring && ring.Due(time))
        {
            ring.Add(time, EvidenceShape.OfWindow(_series.Window.Length, 1, _series.SampleHz), EvidenceCapture.Window(Runner.Binding.Input<float>(0), 1),
                new EvidenceOutputs { Positive = anomalous, Error = error, Threshold = _threshold });
        }
        samples.Add(new Sample(time, Flag, anomalous ? 1 : 0));
        samples.Add(new Sample(time, Error, error));
        if (_labelled && anomalous)
        {
            _series.Reach(time, Delay, samples);
        }
    }

    /// <summary>The step field windows and audit windows share, once the window is in the model's input: autoencoder, mean squared error, anomalous over the threshold.</summary>
    private (float Error, bool Anomalous) Reconstruct(DateTimeOffset time, List<Sample> samples)
    {
        Runner.Run(time, samples);
        var error = ReconstructionError.MeanSquared(Runner.Binding.Input<float>(0), Runner.Binding.Output<float>(0));
        return (error, ReconstructionError.IsAnomalous(error, _threshold));
    }
}
