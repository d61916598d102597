using GzAiEdge.Devices.Camera;
using GzAiEdge.Devices.Replay;
using GzAiEdge.Devices.Sources;
using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.EdgeRuntime.Pipeline;
using GzAiEdge.EdgeRuntime.Pipeline.Inference;
using GzAiEdge.Inference;
using GzAiEdge.Testing;

namespace GzAiEdge.EdgeRuntime.Tests.Pipeline.Inference;

/// <summary>
/// The traffic pipeline on a camera source: ffmpeg plays a lossless video of the replay's frames, and the real
/// detector finds in it what it finds in the replay itself.
/// </summary>
[Trait(TestCategory.Key, TestCategory.Servers)]
public class CameraPipelineTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Traffic_detection_on_a_camera_playing_the_replay_as_video_detects_what_it_detects_in_the_replay()
    {
        var replay = ReplayData.Load(RepoPaths.Combine("models", "replay", "traffic"));
        var options = new PipelineOptions { Kind = "traffic-detection", CountingLineY = replay.Manifest.CountingLineY };
        var expected = RunReplay(replay, options);
        using var folder = new TempFolder();
        var video = folder.File("road.nut");
        await Ffmpeg.EncodeAsync(replay.Bytes, replay.Manifest.Width, replay.Manifest.Height, fps: 50, video);

        // A queue that holds the whole clip: no frame can be dropped, so every count must match the replay's.
        var camera = new CameraFrameSource(new CameraOptions
        {
            Format = "file",
            Input = video,
            Width = replay.Manifest.Width,
            Height = replay.Manifest.Height,
            Fps = 50,
            QueueFrames = 128,
        });
        using var pipeline = SampleSourceFactory.Build(options, Runner(options), camera);
        var window = new KpiWindow(pipeline.Kpis, Start, TimeSpan.FromHours(1), pipeline.InputSample);
        var samples = new List<Sample>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (pipeline.SourceStats is not { State: SourceState.Ended } stats || stats.Delivered < stats.Received)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the clip did not play through: {pipeline.SourceStats}");
            await Task.Delay(50);
            samples.Clear();
            pipeline.Tick(Start.AddMinutes(1), 0.05, samples);
            samples.ForEach(window.Add);
        }

        var kpis = window.Compute();
        Assert.Equal(new SourceStats("camera", SourceState.Ended, "the input ended", 120, 120, 0, 0, pipeline.SourceStats.LastInput), pipeline.SourceStats);
        Assert.Equal(120, kpis[KpiWindow.SamplesKpi]);
        Assert.Equal(1, kpis["input_processed_share"]);
        Assert.True(kpis["vehicle_count"] > 0);
        foreach (var kpi in new[] { "vehicle_count", "pedestrian_count", "mean_vehicles_per_frame", "max_vehicles_per_frame", "mean_pedestrians_per_frame" })
        {
            Assert.Equal(expected[kpi], kpis[kpi], 9);
        }
    }

    [Fact]
    public async Task A_camera_that_drops_frames_while_the_pipeline_is_behind_reports_the_share_of_its_frames_the_model_ran()
    {
        var replay = ReplayData.Load(RepoPaths.Combine("models", "replay", "traffic"));
        var options = new PipelineOptions { Kind = "traffic-detection", CountingLineY = replay.Manifest.CountingLineY };
        using var folder = new TempFolder();
        var video = folder.File("road.nut");
        await Ffmpeg.EncodeAsync(replay.Bytes, replay.Manifest.Width, replay.Manifest.Height, fps: 50, video);

        // A pipeline that reads only once the clip has played through, behind a queue of 4: the camera keeps the newest
        // 4 frames and drops the other 116, which the model never sees. Latency alone would look as good as ever.
        var camera = new CameraFrameSource(new CameraOptions
        {
            Format = "file",
            Input = video,
            Width = replay.Manifest.Width,
            Height = replay.Manifest.Height,
            Fps = 50,
            QueueFrames = 4,
        });
        using var pipeline = SampleSourceFactory.Build(options, Runner(options), camera);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (pipeline.SourceStats is not { State: SourceState.Ended })
        {
            Assert.True(DateTime.UtcNow < deadline, $"the clip did not play through: {pipeline.SourceStats}");
            await Task.Delay(50);
        }

        var window = new KpiWindow(pipeline.Kpis, Start, TimeSpan.FromMinutes(1), pipeline.InputSample);
        var samples = new List<Sample>();
        pipeline.Tick(Start.AddSeconds(30), 30, samples);
        samples.ForEach(window.Add);
        var kpis = window.Compute();

        var stats = pipeline.SourceStats!;
        Assert.Equal((120L, 4L, 116L), (stats.Received, stats.Delivered, stats.Dropped));
        Assert.Equal(4, kpis[KpiWindow.SamplesKpi]);
        Assert.Equal(Math.Round(4 / 120.0, 6), kpis["input_processed_share"]);
    }

    private static Dictionary<string, double> RunReplay(ReplayData replay, PipelineOptions options)
    {
        using var pipeline = SampleSourceFactory.Build(options, Runner(options), replay, labelled: false);
        var window = new KpiWindow(pipeline.Kpis, Start, TimeSpan.FromSeconds(24), pipeline.InputSample);
        var samples = new List<Sample>();
        pipeline.Tick(Start.AddSeconds(24), 24, samples);
        samples.ForEach(window.Add);
        return window.Compute();
    }

    private static ModelRunner Runner(PipelineOptions options) =>
        new(InferenceSession.Open(OnnxRuntime.Load(), RepoPaths.Combine("models", "traffic-detector.onnx"), new InferenceOptions()), options with { ModelVersion = "1" });
}
