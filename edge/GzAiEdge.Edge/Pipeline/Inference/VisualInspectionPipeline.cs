using System.Text.Json;
using GzAiEdge.Edge.Configuration;
using GzAiEdge.Edge.Pipeline.Replay;
using GzAiEdge.Inference.Processing;

namespace GzAiEdge.Edge.Pipeline.Inference;

/// <summary>
/// Product images → (letterbox) → defect classifier → softmax → defect decision (visual-inspection in
/// docs/kpis.md); with labels, accuracy and F1. Class 1 of the model's output is "defect".
/// </summary>
public sealed class VisualInspectionPipeline : ModelPipeline
{
    private const string Inspection = "inspection";

    private readonly ReplayData _replay;
    private readonly ReplayClock _clock;
    private readonly int _inputWidth, _inputHeight;
    private readonly float _threshold;
    private readonly int[]? _labels;
    private readonly float[] _probabilities = new float[2];

    public VisualInspectionPipeline(ModelRunner runner, ReplayData replay, PipelineOptions options, bool labelled)
        : base(runner, [new("units_inspected", Inspection, Aggregation.Count), new("defect_rate", Inspection, Aggregation.Mean), .. labelled ? BinaryScore.Kpis : []])
    {
        replay.Require("images");
        _replay = replay;
        _clock = new ReplayClock(replay.Manifest.FramesPerSecond, replay.Manifest.Count, replay.Speed);
        (_inputHeight, _inputWidth) = ImageInput.Size(runner.Session);
        if (runner.Session.Outputs[0].ElementCount != 2)
        {
            throw new InvalidDataException($"model '{runner.Session.GraphName}' output {runner.Session.Outputs[0]} is not two logits [ok, defect]");
        }

        _threshold = (float)options.DecisionThreshold;
        _labels = labelled ? Labels(replay) : null;
    }

    public override void Tick(DateTimeOffset time, double seconds, List<Sample> samples)
    {
        var due = _clock.Advance(seconds);
        for (var k = 0; k < due; k++)
        {
            Inspect(_clock.IndexOf(k, due), time, samples);
        }
    }

    private void Inspect(int index, DateTimeOffset time, List<Sample> samples)
    {
        var m = _replay.Manifest;
        var image = _replay.Bytes.AsSpan(index * _replay.FrameBytes, _replay.FrameBytes);
        Letterbox.ToChw(image, m.Width, m.Height, Runner.Binding.Input<float>(0), _inputWidth, _inputHeight);
        Runner.Run(time, samples);
        Classification.Softmax(Runner.Binding.Output<float>(0), _probabilities);
        var defective = _probabilities[1] >= _threshold;
        samples.Add(new Sample(time, Inspection, defective ? 1 : 0));
        if (_labels is not null)
        {
            BinaryScore.Add(time, defective, _labels[index] == 1, samples);
        }
    }

    private static int[] Labels(ReplayData replay) =>
        replay.Manifest.Labels is { ValueKind: JsonValueKind.Array } labels && labels.GetArrayLength() == replay.Manifest.Count
            ? [.. labels.EnumerateArray().Select(l => l.GetInt32())]
            : throw new InvalidDataException($"replay {replay.Folder} has no label for each of its {replay.Manifest.Count} images; labelled evaluation needs them");
}
