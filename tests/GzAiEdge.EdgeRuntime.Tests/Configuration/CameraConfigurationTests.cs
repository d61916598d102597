using GzAiEdge.Devices.Sources;
using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.EdgeRuntime.Health;
using GzAiEdge.EdgeRuntime.Pipeline;
using GzAiEdge.EdgeRuntime.Pipeline.Inference;
using GzAiEdge.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime.Tests.Configuration;

public class CameraConfigurationTests
{
    [Fact]
    public async Task A_camera_device_config_runs_its_image_pipeline_on_the_camera_reports_its_health_and_stopping_the_host_stops_the_child()
    {
        using var folder = new TempFolder();
        var path = DeviceConfig.Write(folder, $"""
            edge: {"{"} site: tianhe-01, device: cam-09, scenario: mfg-huangpu-inspection, stateDirectory: {folder.File("state")} {"}"}
            source:
              kind: camera
              sampleHz: 10
              camera:
                format: lavfi
                input: testsrc2=size=64x64:rate=10
                width: 64
                height: 64
                fps: 10
            pipeline:
              kind: visual-inspection
              model: {RepoPaths.Combine("models", "inspection-classifier.onnx")}
            """);
        var services = DeviceConfig.Build(path);
        var source = services.GetRequiredService<PipelineHost>().Current;
        var samples = new List<Sample>();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!samples.Any(s => s.Name == "inspection"))
        {
            Assert.True(DateTime.UtcNow < deadline, $"no frame was inspected: {source.SourceStats}");
            await Task.Delay(50);
            source.Tick(DateTimeOffset.UtcNow, 0.05, samples);
        }

        Assert.IsType<VisualInspectionPipeline>(source);
        Assert.Equal(("camera", SourceState.Streaming), (source.SourceStats!.Kind, source.SourceStats.State));
        Assert.DoesNotContain(source.Kpis, k => k.Name == "classification_accuracy");
        var camera = services.GetRequiredService<HealthSampler>().Sample().Camera;
        Assert.Equal("streaming", camera!.State);
        Assert.True(camera.FramesPerSecond > 0, $"{camera.FramesPerSecond} frames per second");
        Assert.Equal(source.SourceStats.Dropped, camera.FramesDropped);
        await services.DisposeAsync();
        Assert.Equal(SourceState.Stopped, source.SourceStats.State);
    }

    [Fact]
    public void Camera_mistakes_name_file_line_and_key()
    {
        using var folder = new TempFolder();
        var path = DeviceConfig.Write(folder, """
            source:
              kind: camera
              labelled: true
              sampleHz: 2
              camera:
                format: rtsp
                input: http://cam.local/live
                width: 640
                fps: 25
                queueFrames: 4
            pipeline:
              kind: vibration-anomaly
              model: models/vibration-autoencoder.onnx
              anomalyThreshold: 0.02
            """);
        using var services = DeviceConfig.Build(path);

        var source = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SourceOptions>>().Value);
        var pipeline = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<PipelineOptions>>().Value);

        Assert.Equal(
            [
                $"{path}:7 (Source:Camera:Input): 'http://cam.local/live' is not an rtsp:// URL",
                $"{path} (Source:Camera:Height, not set): 0 is outside 16..4320 pixels",
                $"{path}:3 (Source:Labelled): labelled evaluation scores against a replay's ground truth, and a camera has none; use kind: replay for it",
                $"{path}:10 (Source:Camera:QueueFrames): 4 frames would drop frames between ticks (25 fps at Source:SampleHz 2); use at least 14 or raise Source:SampleHz",
            ],
            source.Failures);
        Assert.Contains($"{path}:12 (Pipeline:Kind): 'vibration-anomaly' reads a signal; a camera feeds only traffic-detection or visual-inspection", pipeline.Failures);
    }

    [Fact]
    public void A_gstreamer_camera_needs_its_pipeline()
    {
        using var folder = new TempFolder();
        var path = DeviceConfig.Write(folder, "source:\n  kind: camera\n  camera:\n    format: gstreamer\n    width: 1280\n    height: 720\n");
        using var services = DeviceConfig.Build(path);

        var source = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SourceOptions>>().Value);

        Assert.Equal([$"{path} (Source:Camera:Pipeline, not set): must give the GStreamer source pipeline (e.g. 'nvarguscamerasrc ! nvvidconv'; the device profile has it)"], source.Failures);
    }
}
