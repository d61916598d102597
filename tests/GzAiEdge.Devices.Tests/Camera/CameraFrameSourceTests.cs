using System.Runtime.InteropServices;
using GzAiEdge.Devices.Camera;
using GzAiEdge.Devices.Sources;
using GzAiEdge.Testing;

namespace GzAiEdge.Devices.Tests.Camera;

/// <summary>The camera source over the real ffmpeg, fed by its own test sources and by files it made.</summary>
public class CameraFrameSourceTests
{
    [Trait(TestCategory.Key, TestCategory.Servers)]
    [Fact]
    public async Task Frames_from_an_ffmpeg_test_source_arrive_whole_in_order_with_increasing_timestamps_and_their_colours()
    {
        var before = DateTimeOffset.UtcNow;
        // A queue deep enough that a scheduling stall on a loaded machine drops nothing: dropping is tested on its own.
        using var camera = new CameraFrameSource(Lavfi("rgbtestsrc=size=64x48:rate=25", fps: 25, queue: 256));
        var driver = new CameraDriver(camera) { KeepPixels = true };

        await driver.UntilAsync(() => driver.Frames.Count >= 10, "10 frames");

        Assert.Equal(Enumerable.Range(0, driver.Frames.Count).Select(i => (long)i), driver.Frames.Select(f => f.Sequence));
        Assert.Equal(Enumerable.Range(0, driver.Frames.Count).Select(i => (long)i), driver.Frames.Select(f => f.Index));
        Assert.All(driver.Frames.Zip(driver.Frames.Skip(1)), pair => Assert.True(pair.Second.Time > pair.First.Time));
        Assert.InRange(driver.Frames[0].Time, before, DateTimeOffset.UtcNow);

        // rgbtestsrc: red, green and blue bands from top to bottom, each rising from black at the left to 252 at the right.
        var frame = driver.Pixels[^1];
        Assert.Equal((252, 0, 0), Pixel(frame, 63, 8));
        Assert.Equal((0, 252, 0), Pixel(frame, 63, 24));
        Assert.Equal((0, 0, 252), Pixel(frame, 63, 40));
        Assert.Equal((0, 0, 0), Pixel(frame, 0, 24));

        var stats = camera.Stats;
        Assert.Equal((SourceState.Streaming, null, 0L, 0L), (stats.State, stats.Reason, stats.Reconnects, stats.Dropped));
        Assert.Equal(driver.Frames.Count, stats.Delivered);
        Assert.True(stats.Received >= stats.Delivered);
        Assert.NotNull(stats.LastInput);
    }

    [Trait(TestCategory.Key, TestCategory.Servers)]
    [Fact]
    public async Task A_generated_video_file_plays_every_frame_exactly_once_and_then_ends()
    {
        using var folder = new TempFolder();
        var video = folder.File("clip.mkv");
        await Ffmpeg.RunAsync("-f", "lavfi", "-i", "testsrc2=size=64x48:rate=50", "-frames:v", "20", "-c:v", "ffv1", video);
        var expected = await Ffmpeg.DecodeAsync(video, 64, 48);
        using var camera = new CameraFrameSource(new CameraOptions { Format = "file", Input = video, Width = 64, Height = 48, Fps = 50, QueueFrames = 32 });
        var driver = new CameraDriver(camera) { KeepPixels = true };

        await driver.UntilAsync(() => camera.Stats.State == SourceState.Ended && driver.Frames.Count == camera.Stats.Received, "the file to end and every frame read");

        Assert.Equal(20, driver.Frames.Count);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => (long)i), driver.Frames.Select(f => f.Index));
        Assert.Equal(expected, driver.Pixels.SelectMany(p => p));
        Assert.Equal((20L, 20L, 0L, 0L), (camera.Stats.Received, camera.Stats.Delivered, camera.Stats.Dropped, camera.Stats.Reconnects));
        Assert.Null(camera.ProcessId);
    }

    [Trait(TestCategory.Key, TestCategory.Servers)]
    [Fact]
    public async Task A_looped_file_starts_again_at_its_end_in_the_same_child()
    {
        using var folder = new TempFolder();
        var video = folder.File("clip.nut");
        await Ffmpeg.RunAsync("-f", "lavfi", "-i", "testsrc=size=64x48:rate=50", "-frames:v", "10", "-c:v", "rawvideo", "-pix_fmt", "rgb24", video);
        using var camera = new CameraFrameSource(new CameraOptions { Format = "file", Input = video, Width = 64, Height = 48, Fps = 50, Loop = true, QueueFrames = 32 });
        var driver = new CameraDriver(camera) { KeepPixels = true };

        await driver.UntilAsync(() => driver.Frames.Count >= 25, "25 frames of a 10-frame file");

        // testsrc draws a frame counter, so the 10 file frames differ. A loaded machine may make this consumer drop
        // frames; the sequence says which file frame each one was.
        var first = new Dictionary<long, byte[]>();
        var repeats = 0;
        for (var i = 0; i < driver.Frames.Count; i++)
        {
            var fileFrame = driver.Frames[i].Sequence % 10;
            if (first.TryGetValue(fileFrame, out var earlier))
            {
                Assert.Equal(earlier, driver.Pixels[i]);
                repeats++;
            }
            else
            {
                first[fileFrame] = driver.Pixels[i];
            }
        }

        Assert.True(repeats >= 10, $"only {repeats} frames came round again");
        Assert.Equal(first.Count, first.Values.Select(Convert.ToBase64String).Distinct().Count());
        Assert.Equal((SourceState.Streaming, 0L), (camera.Stats.State, camera.Stats.Reconnects));
    }

    [Trait(TestCategory.Key, TestCategory.Servers)]
    [Fact]
    public async Task A_slow_consumer_loses_the_oldest_frames_and_every_frame_is_accounted_for()
    {
        // 200 frames in 2 s; a queue of 3 read every 50 ms holds at most 60 of every 100.
        using var camera = new CameraFrameSource(Lavfi("testsrc=size=64x48:rate=100:duration=2", fps: 100, queue: 3));
        var driver = new CameraDriver(camera);

        await driver.UntilAsync(() => camera.Stats.State == SourceState.Ended && driver.Frames.Count == camera.Stats.Received - camera.Stats.Dropped,
            "the test source to end and the queue to be empty", tickMilliseconds: 50);

        var stats = camera.Stats;
        Assert.Equal(200, stats.Received);
        Assert.True(stats.Dropped > 0, $"nothing was dropped: {stats}");
        Assert.Equal(stats.Received, stats.Delivered + stats.Dropped);
        Assert.Equal(driver.Frames.Count, stats.Delivered);
        Assert.Equal(driver.Frames.Select(f => f.Sequence).Order(), driver.Frames.Select(f => f.Sequence));
        Assert.Equal(199, driver.Frames[^1].Sequence);
    }

    [Fact]
    public async Task Frames_come_in_a_fixed_pool_of_buffers_however_many_arrive()
    {
        using var camera = new CameraFrameSource(Lavfi("testsrc2=size=64x48:rate=100", fps: 100, queue: 3));
        var buffers = new HashSet<byte[]>(ReferenceEqualityComparer.Instance);
        var frames = 0;

        var deadline = DateTime.UtcNow + CameraDriver.Patience;
        while (frames < 60)
        {
            Assert.True(DateTime.UtcNow < deadline, $"only {frames} frames arrived: {camera.Stats}");
            await Task.Delay(10);
            camera.Advance(DateTimeOffset.UtcNow, TimeSpan.Zero);
            while (camera.TryRead(out var frame))
            {
                Assert.True(MemoryMarshal.TryGetArray(frame.Pixels, out var array));
                buffers.Add(array.Array!);
                frames++;
            }
        }

        // The queue's 3, one being filled and one held by the pipeline: nothing is allocated per frame.
        Assert.InRange(buffers.Count, 1, 3 + 2);
    }

    [Fact]
    public void A_frame_is_read_whole_and_a_stream_that_ends_inside_one_returns_how_far_it_got()
    {
        var buffer = new FrameBuffer(64 * 48 * 3);
        using var stream = new MemoryStream(new byte[(64 * 48 * 3) + 1000]);

        Assert.Equal(64 * 48 * 3, buffer.Fill(stream));
        Assert.Equal(1000, buffer.Fill(stream));
        Assert.Equal(0, buffer.Fill(stream));
    }

    internal static CameraOptions Lavfi(string graph, double fps, int queue = 16) =>
        new() { Format = "lavfi", Input = graph, Width = 64, Height = 48, Fps = fps, QueueFrames = queue, BackoffSeconds = 0.1 };

    private static (int R, int G, int B) Pixel(byte[] frame, int x, int y)
    {
        var i = ((y * 64) + x) * 3;
        return (frame[i], frame[i + 1], frame[i + 2]);
    }
}
