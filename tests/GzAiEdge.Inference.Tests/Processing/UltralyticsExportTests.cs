using GzAiEdge.Inference.Processing;

namespace GzAiEdge.Inference.Tests.Processing;

/// <summary>
/// The Ultralytics-layout exports of the project's detector (models/make_ultralytics_like.py) on the traffic
/// replay: COCO class 2 'car' and 0 'person' where the project's detector says vehicle and pedestrian.
/// </summary>
public sealed class UltralyticsExportTests
{
    private const int Car = 2, Person = 0, Stride = 40;
    private static readonly ImageSize Square = new(640, 640);

    [Fact]
    public void The_static_export_finds_the_cars_and_persons_the_projects_detector_finds_on_a_replay_frame()
    {
        var replay = TrafficReplay.Instance;
        using var own = Models.Open("traffic-detector");
        using var ownBinding = own.CreateBinding();
        using var export = Models.Open("traffic-yolov8-coco");
        using var binding = export.CreateBinding();
        const int frame = 9;   // six vehicles in the lanes, a pedestrian on each sidewalk

        var theirs = replay.Detect(ownBinding, frame, new ImageSize(128, 128), new YoloDecoder(YoloLayout.V8, 2, 256));
        var found = replay.Detect(binding, frame, Square, new YoloDecoder(YoloLayout.V8, 80, 256));

        Assert.Equal(theirs.Count(d => d.ClassId == 0), found.Count(d => d.ClassId == Car));
        Assert.Equal(theirs.Count(d => d.ClassId == 1), found.Count(d => d.ClassId == Person));
        Assert.Equal(found.Count, found.Count(d => d.ClassId is Car or Person));
        Assert.Equal(2, found.Count(d => d.ClassId == Person));
        Assert.All(theirs, d => Assert.True(BestIoU(d with { ClassId = d.ClassId == 0 ? Car : Person }, found) >= 0.9, $"no export detection matches {d}"));
        Assert.Equal(replay.Labels[frame].Length, found.Count);
    }

    [Fact]
    public void The_static_export_scores_the_whole_replay_as_the_projects_detector_does()
    {
        var replay = TrafficReplay.Instance;
        using var own = Models.Open("traffic-detector");
        using var ownBinding = own.CreateBinding();
        using var export = Models.Open("traffic-yolov8-coco");
        using var binding = export.CreateBinding();
        var ownDecoder = new YoloDecoder(YoloLayout.V8, 2, 256);
        var decoder = new YoloDecoder(YoloLayout.V8, 80, 256);
        int theirs = 0, matched = 0, truths = 0, correct = 0;

        for (var f = 0; f < replay.Frames.Count; f++)
        {
            var found = replay.Detect(binding, f, Square, decoder);
            var reference = replay.Detect(ownBinding, f, new ImageSize(128, 128), ownDecoder);
            theirs += reference.Count;
            matched += reference.Count(d => BestIoU(d with { ClassId = d.ClassId == 0 ? Car : Person }, found) >= 0.5);
            truths += replay.Labels[f].Length;
            correct += replay.Labels[f].Count(t => BestIoU(t with { ClassId = t.ClassId == 0 ? Car : Person }, found) >= 0.5);
        }

        // Measured: 994 of the detector's 996 detections, and a box of the right class on 979 of the 995
        // labelled objects (make_ultralytics_like.py measures precision and recall 0.976 with one-to-one matching).
        Assert.True(matched >= theirs * 0.99, $"{matched} of the project detector's {theirs} detections found by the export");
        Assert.True(correct >= truths * 0.97, $"{correct} of {truths} labelled objects found by the export");
    }

    [Fact]
    public void The_dynamic_export_at_640x640_gives_the_static_exports_detections()
    {
        var replay = TrafficReplay.Instance;
        using var fixedSize = Models.Open("traffic-yolov8-coco");
        using var fixedBinding = fixedSize.CreateBinding();
        using var dynamic = Models.Open("traffic-yolov8-coco-dynamic");
        using var binding = dynamic.CreateBinding(new Dictionary<string, long[]> { ["images"] = dynamic.ResolveImageInput("images", Square, Stride) });
        var decoder = new YoloDecoder(YoloLayout.V8, 80, 256);

        Assert.Equal([1L, 84, 256], binding.OutputShape(0).ToArray());
        for (var f = 0; f < replay.Frames.Count; f += 10)
        {
            var expected = replay.Detect(fixedBinding, f, Square, decoder);
            var found = replay.Detect(binding, f, Square, decoder);
            Assert.Equal(expected.Count, found.Count);
            Assert.All(expected.Zip(found), p => Assert.True(p.First.ClassId == p.Second.ClassId && p.First.IoU(p.Second) > 0.999f, $"frame {f}: {p.First} vs {p.Second}"));
        }
    }

    [Fact]
    public void The_dynamic_export_at_720x640_finds_the_static_exports_objects()
    {
        var replay = TrafficReplay.Instance;
        var tall = new ImageSize(720, 640);
        using var fixedSize = Models.Open("traffic-yolov8-coco");
        using var fixedBinding = fixedSize.CreateBinding();
        using var dynamic = Models.Open("traffic-yolov8-coco-dynamic");
        using var binding = dynamic.CreateBinding(new Dictionary<string, long[]> { ["images"] = dynamic.ResolveImageInput("images", tall, Stride) });
        var anchors = (720 / Stride) * (640 / Stride);
        Assert.Equal([1L, 84, anchors], binding.OutputShape(0).ToArray());
        var decoder = new YoloDecoder(YoloLayout.V8, 80, 256);
        var tallDecoder = new YoloDecoder(YoloLayout.V8, 80, anchors);
        int expectedCount = 0, foundCount = 0;

        for (var f = 0; f < replay.Frames.Count; f++)
        {
            var expected = replay.Detect(fixedBinding, f, Square, decoder);
            var found = replay.Detect(binding, f, tall, tallDecoder);
            (expectedCount, foundCount) = (expectedCount + expected.Count, foundCount + found.Count);

            // The frame sits at the same scale and grid phase, between grey bars of 120 rather than 80 pixels.
            // An object cut by the top or bottom edge of the frame is boxed from what the detector sees past
            // that edge, so only whole objects are held to the same box.
            foreach (var (from, to) in new[] { (expected, found), (found, expected) })
            {
                Assert.All(from.Where(d => d.Y1 > 2 && d.Y2 < replay.Height - 2), d => Assert.True(BestIoU(d, to) >= 0.8, $"frame {f}: nothing matches {d}"));
            }
        }

        Assert.InRange(foundCount, expectedCount * 0.99, expectedCount * 1.01);
    }

    private static float BestIoU(Detection d, List<Detection> among) =>
        among.Where(o => o.ClassId == d.ClassId).Select(o => o.IoU(d)).DefaultIfEmpty(0).Max();
}
