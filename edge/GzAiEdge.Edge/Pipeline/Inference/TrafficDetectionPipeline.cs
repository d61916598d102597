using System.Text.Json;
using GzAiEdge.Edge.Configuration;
using GzAiEdge.Edge.Pipeline.Replay;
using GzAiEdge.Inference.Processing;

namespace GzAiEdge.Edge.Pipeline.Inference;

/// <summary>
/// Road frames → letterbox → YOLO detector → class-wise NMS → per-frame occupancy and line crossings
/// (traffic-detection in docs/kpis.md); with labels, precision and recall against the ground-truth boxes.
/// </summary>
public sealed class TrafficDetectionPipeline : ModelPipeline
{
    private const string Vehicle = "vehicle", Pedestrian = "pedestrian";
    private const string VehiclesInFrame = "vehicles_in_frame", PedestriansInFrame = "pedestrians_in_frame";

    private readonly ReplayData _replay;
    private readonly ReplayClock _clock;
    private readonly YoloDecoder _decoder;
    private readonly LineCounter _counter;
    private readonly HashSet<int> _vehicleClasses, _pedestrianClasses;
    private readonly Detection[][]? _truths;
    private readonly List<Detection> _detections = [];
    private readonly List<Detection> _grouped = [];
    private readonly int _inputWidth, _inputHeight;
    private readonly bool[] _used;

    public TrafficDetectionPipeline(ModelRunner runner, ReplayData replay, PipelineOptions options, bool labelled)
        : base(runner, [.. Own, .. labelled ? DetectionScore.Kpis : []])
    {
        _replay = replay;
        var m = replay.Manifest;
        replay.Require("frames");
        _clock = new ReplayClock(m.FramesPerSecond, m.Count, replay.Speed);
        (_inputHeight, _inputWidth) = ImageInput.Size(runner.Session);
        _decoder = Decoder(runner, options);
        _counter = new LineCounter((float)m.CountingLineY);
        _vehicleClasses = [.. options.VehicleClasses];
        _pedestrianClasses = [.. options.PedestrianClasses];
        _truths = labelled ? Truths(replay) : null;
        _used = new bool[_truths?.Max(t => t.Length) ?? 0];
    }

    private static IReadOnlyList<KpiDefinition> Own { get; } =
    [
        new("vehicle_count", Vehicle, Aggregation.Count),
        new("vehicle_flow_per_hour", Vehicle, Aggregation.CountPerHour),
        new("pedestrian_count", Pedestrian, Aggregation.Count),
        new("mean_vehicles_per_frame", VehiclesInFrame, Aggregation.Mean),
        new("max_vehicles_per_frame", VehiclesInFrame, Aggregation.Max),
        new("mean_pedestrians_per_frame", PedestriansInFrame, Aggregation.Mean),
        new("max_pedestrians_per_frame", PedestriansInFrame, Aggregation.Max),
    ];

    public override void Tick(DateTimeOffset time, double seconds, List<Sample> samples)
    {
        var due = _clock.Advance(seconds);
        for (var k = 0; k < due; k++)
        {
            var index = _clock.IndexOf(k, due);
            if (index == 0)
            {
                _counter.Reset();
            }

            Detect(index, time, samples);
        }
    }

    /// <summary>Runs frame <paramref name="index"/> of the replay.</summary>
    private void Detect(int index, DateTimeOffset time, List<Sample> samples)
    {
        var m = _replay.Manifest;
        var frame = _replay.Bytes.AsSpan(index * _replay.FrameBytes, _replay.FrameBytes);
        var letterbox = Letterbox.ToChw(frame, m.Width, m.Height, Runner.Binding.Input<float>(0), _inputWidth, _inputHeight);
        Runner.Run(time, samples);
        _decoder.Decode(Runner.Binding.Output<float>(0), letterbox, m.Width, m.Height, _detections);

        // Model classes are mapped to the two counted groups (0 vehicle, 1 pedestrian); others are ignored.
        _grouped.Clear();
        foreach (var d in _detections)
        {
            var group = _vehicleClasses.Contains(d.ClassId) ? 0 : _pedestrianClasses.Contains(d.ClassId) ? 1 : -1;
            if (group >= 0)
            {
                _grouped.Add(d with { ClassId = group });
            }
        }

        var vehicles = _grouped.Count(d => d.ClassId == 0);
        samples.Add(new Sample(time, VehiclesInFrame, vehicles));
        samples.Add(new Sample(time, PedestriansInFrame, _grouped.Count - vehicles));
        _counter.Next(_grouped, group => samples.Add(new Sample(time, group == 0 ? Vehicle : Pedestrian, 1)));
        if (_truths is not null)
        {
            var truths = _truths[index];
            var tp = DetectionScore.Match(_grouped, truths, _used.AsSpan(0, truths.Length));
            DetectionScore.Add(time, tp, _grouped.Count, truths.Length, samples);
        }
    }

    private static YoloDecoder Decoder(ModelRunner runner, PipelineOptions options)
    {
        var output = runner.Session.Outputs[0];
        var layout = options.Layout == "yolov5" ? YoloLayout.V5 : YoloLayout.V8;
        var fixedRows = layout == YoloLayout.V8 ? 4 : 5;
        if (output.Shape.Count != 3 || !output.IsStatic || output.Shape[0] != 1)
        {
            throw new InvalidDataException($"model '{runner.Session.GraphName}' output {output} is not a {options.Layout} detector output");
        }

        var (classes, anchors) = layout == YoloLayout.V8
            ? ((int)output.Shape[1] - fixedRows, (int)output.Shape[2])
            : ((int)output.Shape[2] - fixedRows, (int)output.Shape[1]);
        return classes < 1
            ? throw new InvalidDataException($"model '{runner.Session.GraphName}' output {output} leaves no class scores in the {options.Layout} layout")
            : new YoloDecoder(layout, classes, anchors, (float)options.ScoreThreshold, (float)options.IouThreshold);
    }

    private static Detection[][] Truths(ReplayData replay)
    {
        if (replay.Manifest.Labels is not { ValueKind: JsonValueKind.Array } labels || labels.GetArrayLength() != replay.Manifest.Count)
        {
            throw new InvalidDataException($"replay {replay.Folder} has no labels for each of its {replay.Manifest.Count} frames; labelled evaluation needs them");
        }

        return [.. labels.EnumerateArray().Select(frame => frame.EnumerateArray().Select(b =>
            new Detection(b[0].GetInt32(), 1, b[1].GetSingle(), b[2].GetSingle(), b[3].GetSingle(), b[4].GetSingle())).ToArray())];
    }
}
