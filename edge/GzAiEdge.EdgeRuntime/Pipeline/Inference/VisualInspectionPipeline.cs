using System.Text.Json;
using GzAiEdge.Contracts.Evidence;
using GzAiEdge.Devices.Replay;
using GzAiEdge.Devices.Sources;
using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.EdgeRuntime.Evidence;
using GzAiEdge.Inference.Processing;
using GzAiEdge.Scenarios.Kpis;

namespace GzAiEdge.EdgeRuntime.Pipeline.Inference;

/// <summary>
/// Product images → (letterbox) → defect classifier → softmax → defect decision (visual-inspection in
/// docs/kpis.md); with labels, accuracy and F1. Class 1 of the model's output is "defect".
/// </summary>
public sealed partial class VisualInspectionPipeline : FramePipeline, IAuditable
{
    private const string Inspection = "inspection";

    private readonly float _threshold;
    private readonly int[]? _labels;
    private readonly float[] _probabilities = new float[2];

    /// <summary>The classifier's two classes, by index, as evidence names them.</summary>
    public static IReadOnlyList<string> InspectionClasses { get; } = ["ok", "defect"];

    /// <param name="labels">Labelled mode: the replay <paramref name="frames"/> plays, whose classes score the model; else null.</param>
    public VisualInspectionPipeline(ModelRunner runner, IFrameSource frames, PipelineOptions options, ReplayData? labels)
        : base(runner, frames, [.. Own, .. labels is not null ? BinaryScore.Kpis : []])
    {
        if (runner.Session.Outputs[0].ElementCount != 2)
        {
            throw new InvalidDataException($"model '{runner.Session.GraphName}' output {runner.Session.Outputs[0]} is not two logits [ok, defect]");
        }

        _threshold = (float)options.DecisionThreshold;
        _labels = labels is null ? null : Labels(labels);
    }

    private static IReadOnlyList<WindowKpi> Own { get; } =
    [
        new(ManufacturingKpis.UnitsInspected.Key, Inspection, WindowAggregation.Count),
        new(ManufacturingKpis.DefectRate.Key, Inspection, WindowAggregation.Mean),
    ];

    private protected override void Run(in Frame frame, DateTimeOffset time, List<Sample> samples)
    {
        var defective = Classify(frame.Pixels.Span, Format.Width, Format.Height, time, samples);
        if (Evidence is { } ring && ring.Due(time))
        {
            ring.Add(time, EvidenceShape.OfImage(InputWidth, InputHeight), EvidenceCapture.Png(Runner.Binding.Input<float>(0), InputWidth, InputHeight),
                EvidenceCapture.TwoClass(InspectionClasses, _probabilities, defective, _threshold));
        }
        samples.Add(new Sample(time, Inspection, defective ? 1 : 0));
        if (_labels is not null)
        {
            BinaryScore.Add(time, defective, _labels[frame.Index] == 1, samples);
        }
    }

    /// <summary>The step field frames and audit items share: letterbox, model, softmax into <see cref="_probabilities"/>, defect at the threshold.</summary>
    private bool Classify(ReadOnlySpan<byte> rgb, int width, int height, DateTimeOffset time, List<Sample> samples)
    {
        Letterbox.ToChw(rgb, width, height, Runner.Binding.Input<float>(0), InputWidth, InputHeight);
        Runner.Run(time, samples);
        Classification.Softmax(Runner.Binding.Output<float>(0), _probabilities);
        return _probabilities[1] >= _threshold;
    }

    private static int[] Labels(ReplayData replay) =>
        replay.Manifest.Labels is { ValueKind: JsonValueKind.Array } labels && labels.GetArrayLength() == replay.Manifest.Count
            ? [.. labels.EnumerateArray().Select(l => l.GetInt32())]
            : throw new InvalidDataException($"replay {replay.Folder} has no label for each of its {replay.Manifest.Count} images; labelled evaluation needs them");
}
