using System.Text.Json;
using GzAiEdge.Contracts.Evidence;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Devices.Replay;
using GzAiEdge.Devices.Sources;
using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.EdgeRuntime.Evidence;
using GzAiEdge.Inference.Processing;
using GzAiEdge.Scenarios.Audits;
using GzAiEdge.Scenarios.Kpis;

namespace GzAiEdge.EdgeRuntime.Pipeline.Inference;

/// <summary>
/// Road frames → letterbox → YOLO detector → class-wise NMS → per-frame occupancy and line crossings
/// (traffic-detection in docs/kpis.md); with labels, precision and recall against the ground-truth boxes.
/// The counting line is <see cref="PipelineOptions.CountingLineY"/>, or the middle of the frame when unset; the
/// counted classes are those <see cref="Detector"/> resolved.
/// </summary>
public sealed partial class TrafficDetectionPipeline : FramePipeline, IAuditable
{
    private const string Vehicle = "vehicle", Pedestrian = "pedestrian";
    private const string VehiclesInFrame = "vehicles_in_frame", PedestriansInFrame = "pedestrians_in_frame";

    private readonly YoloDecoder _decoder;
    private readonly LineCounter _counter;
    private readonly IReadOnlySet<int> _vehicleClasses, _pedestrianClasses;
    private readonly Detection[][]? _truths;
    private readonly List<Detection> _detections = [];
    private readonly List<Detection> _grouped = [];
    private readonly bool[] _used;
    private LetterboxTransform _letterbox;

    /// <param name="labels">Labelled mode: the replay <paramref name="frames"/> plays, whose boxes score the model; else null.</param>
    public TrafficDetectionPipeline(ModelRunner runner, IFrameSource frames, PipelineOptions options, ReplayData? labels)
        : base(runner, frames, [.. Own, .. labels is not null ? DetectionScore.Kpis : []])
    {
        var detector = Detector.Open(runner, options);
        (_decoder, _vehicleClasses, _pedestrianClasses) = (detector.Decoder, detector.Vehicles, detector.Pedestrians);
        _counter = new LineCounter((float)(options.CountingLineY > 0 ? options.CountingLineY : frames.Format.Height / 2.0));
        _truths = labels is null ? null : Truths(labels);
        _used = new bool[_truths?.Max(t => t.Length) ?? 0];
    }

    private static IReadOnlyList<WindowKpi> Own { get; } =
    [
        new(TrafficKpis.VehicleCount.Key, Vehicle, WindowAggregation.Count),
        new(TrafficKpis.VehicleFlowPerHour.Key, Vehicle, WindowAggregation.CountPerHour),
        new(TrafficKpis.PedestrianCount.Key, Pedestrian, WindowAggregation.Count),
        new(TrafficKpis.MeanVehiclesPerFrame.Key, VehiclesInFrame, WindowAggregation.Mean),
        new(TrafficKpis.MaxVehiclesPerFrame.Key, VehiclesInFrame, WindowAggregation.Max),
        new(TrafficKpis.MeanPedestriansPerFrame.Key, PedestriansInFrame, WindowAggregation.Mean),
        new(TrafficKpis.MaxPedestriansPerFrame.Key, PedestriansInFrame, WindowAggregation.Max),
    ];

    /// <summary>Runs one frame; a frame that does not follow the last one (replay loop, camera restart) starts the line counter afresh.</summary>
    private protected override void Run(in Frame frame, DateTimeOffset time, List<Sample> samples)
    {
        if (frame.Index == 0)
        {
            _counter.Reset();
        }

        Detect(frame.Pixels.Span, Format.Width, Format.Height, _decoder, time, samples);
        if (Evidence is { } ring && ring.Due(time))
        {
            Keep(ring, time);
        }

        var vehicles = _grouped.Count(d => d.ClassId == 0);
        samples.Add(new Sample(time, VehiclesInFrame, vehicles));
        samples.Add(new Sample(time, PedestriansInFrame, _grouped.Count - vehicles));
        _counter.Next(_grouped, group => samples.Add(new Sample(time, group == 0 ? Vehicle : Pedestrian, 1)));
        if (_truths is not null)
        {
            var truths = _truths[frame.Index];
            var tp = DetectionScore.Match(_grouped, truths, _used.AsSpan(0, truths.Length));
            DetectionScore.Add(time, tp, _grouped.Count, truths.Length, samples);
        }
    }

    /// <summary>
    /// The step field frames and audit items share: letterbox, model, YOLO decode with class-wise NMS, then the model's
    /// classes mapped to the two counted groups (0 vehicle, 1 pedestrian), others ignored; leaves them in
    /// <see cref="_grouped"/>, best first.
    /// </summary>
    private void Detect(ReadOnlySpan<byte> rgb, int width, int height, YoloDecoder decoder, DateTimeOffset time, List<Sample> samples)
    {
        _letterbox = Letterbox.ToChw(rgb, width, height, Runner.Binding.Input<float>(0), InputWidth, InputHeight);
        Runner.Run(time, samples);
        decoder.Decode(Runner.Binding.Output<float>(0), _letterbox, width, height, _detections);
        _grouped.Clear();
        foreach (var d in _detections)
        {
            var group = _vehicleClasses.Contains(d.ClassId) ? 0 : _pedestrianClasses.Contains(d.ClassId) ? 1 : -1;
            if (group >= 0)
            {
                _grouped.Add(d with { ClassId = group });
            }
        }
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

    // The frame as the model saw it (letterboxed) and the counted detections in its pixels.
    private void Keep(EvidenceRing ring, DateTimeOffset time)
    {
        var (scale, x, y) = (_letterbox.Scale, _letterbox.PadX, _letterbox.PadY);
        ring.Add(time, EvidenceShape.OfImage(InputWidth, InputHeight), EvidenceCapture.Png(Runner.Binding.Input<float>(0), InputWidth, InputHeight), new EvidenceOutputs
        {
            Positive = _grouped.Count > 0,
            Boxes = [.. _grouped.Select(d => new AuditBox(AuditedPipelines.DetectionClasses[d.ClassId], d.Score, (d.X1 * scale) + x, (d.Y1 * scale) + y, (d.X2 * scale) + x, (d.Y2 * scale) + y))],
            Threshold = OperatingThreshold,
        });
    }
}
