using GzAiEdge.Devices.Camera;
using GzAiEdge.Devices.Sources;
using GzAiEdge.Testing;

namespace GzAiEdge.Devices.Tests.Camera;

/// <summary>The camera source over the real gst-launch-1.0 (Debian gstreamer1.0-tools and -plugins-base).</summary>
[Trait(TestCategory.Key, TestCategory.Servers)]
public class GStreamerTests
{
    [Fact]
    public async Task A_gstreamer_pipeline_delivers_rgb_frames_of_the_configured_size()
    {
        // A 320x240 source scaled to 64x48 by the appended conversion, as nvarguscamerasrc's frames would be.
        using var camera = new CameraFrameSource(new CameraOptions
        {
            Format = "gstreamer",
            Pipeline = "videotestsrc is-live=true pattern=red ! video/x-raw,width=320,height=240",
            Width = 64,
            Height = 48,
            Fps = 10,
        });
        var driver = new CameraDriver(camera) { KeepPixels = true };

        await driver.UntilAsync(() => driver.Frames.Count >= 3, "3 frames");

        Assert.All(driver.Pixels, frame => Assert.All(frame.Chunk(3), pixel => Assert.Equal([255, 0, 0], pixel)));
        Assert.Equal(SourceState.Streaming, camera.Stats.State);
    }

    [Fact]
    public async Task A_pipeline_gstreamer_cannot_build_reports_its_own_message()
    {
        using var camera = new CameraFrameSource(new CameraOptions
        {
            Format = "gstreamer",
            Pipeline = "nvarguscamerasrc ! nvvidconv",
            Width = 64,
            Height = 48,
            BackoffSeconds = 5,
        });
        var driver = new CameraDriver(camera);

        await driver.UntilAsync(() => camera.Stats.State == SourceState.Backoff, "the failed start");

        Assert.Equal("gst-launch-1.0 exited with code 1: WARNING: erroneous pipeline: no element \"nvarguscamerasrc\"", camera.Stats.Reason);
    }
}
