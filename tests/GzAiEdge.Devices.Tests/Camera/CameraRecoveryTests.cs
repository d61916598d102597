using GzAiEdge.Devices.Camera;
using GzAiEdge.Devices.Sources;
using GzAiEdge.Testing;

namespace GzAiEdge.Devices.Tests.Camera;

/// <summary>How the camera source survives its child: killed, hung, refused, missing, and stopped.</summary>
[Trait(TestCategory.Key, TestCategory.Servers)]
public class CameraRecoveryTests
{
    [Fact]
    public async Task A_child_killed_by_pid_is_restarted_and_frames_resume_counting_one_reconnect()
    {
        var options = CameraFrameSourceTests.Lavfi("testsrc2=size=64x48:rate=25", fps: 25);
        options.BackoffSeconds = 0.5;
        using var camera = new CameraFrameSource(options);
        var driver = new CameraDriver(camera);
        await driver.UntilAsync(() => driver.Frames.Count >= 5, "5 frames");
        var pid = camera.ProcessId!.Value;

        Posix.KillNow(pid);
        var before = driver.Frames.Count;
        await driver.UntilAsync(() => driver.Frames.Count > before && driver.Frames[^1].Index >= 5 && camera.Stats.Reconnects == 1, "frames from a restarted child");

        Assert.Contains(driver.States, s => s.State == SourceState.Backoff && s.Reason == "ffmpeg was killed by signal 9: (nothing on stderr)");
        Assert.False(Posix.Exists(pid), $"pid {pid} is still there (running or not reaped)");
        Assert.NotEqual(pid, camera.ProcessId);
        Assert.Contains(driver.Frames.Skip(before), f => f.Index == 0);
        Assert.Equal(driver.Frames.Select(f => f.Sequence).Order(), driver.Frames.Select(f => f.Sequence));
        Assert.Equal(SourceState.Streaming, camera.Stats.State);
    }

    [Fact]
    public async Task A_child_that_stops_delivering_is_killed_as_stalled_and_restarted()
    {
        var options = CameraFrameSourceTests.Lavfi("testsrc2=size=64x48:rate=25", fps: 25);
        options.StallSeconds = 2;
        using var camera = new CameraFrameSource(options);
        var driver = new CameraDriver(camera);
        await driver.UntilAsync(() => driver.Frames.Count >= 5, "5 frames");
        var pid = camera.ProcessId!.Value;

        // Frozen, not dead: the pipe stays open and silent, as with a hung camera or a stream that stopped.
        Posix.Freeze(pid);
        await driver.UntilAsync(() => camera.Stats is { Reconnects: >= 1, State: SourceState.Streaming } && camera.ProcessId != pid, "a restart after the stall");

        Assert.Contains((SourceState.Stalled, "no frame for 2 s"), driver.States);
        Assert.Contains((SourceState.Backoff, "stalled: no frame for 2 s, ffmpeg killed"), driver.States);
        Assert.False(Posix.Exists(pid), $"the stalled pid {pid} is still there");
    }

    [Fact]
    public async Task A_child_that_never_sends_a_first_frame_is_killed_after_the_connect_time()
    {
        using var folder = new TempFolder();
        var pipe = folder.File("silent.nut");
        Posix.MakeFifo(pipe);

        // Nobody writes to the pipe: ffmpeg waits in open() as it would on a camera that accepts and never answers.
        using var camera = new CameraFrameSource(new CameraOptions { Format = "file", Input = pipe, Width = 64, Height = 48, ConnectSeconds = 1, BackoffSeconds = 0.1 });
        var driver = new CameraDriver(camera);

        await driver.UntilAsync(() => camera.Stats.Reconnects >= 1, "a restart");

        Assert.Contains((SourceState.Stalled, "no first frame within 1 s"), driver.States);
        Assert.Contains((SourceState.Backoff, "stalled: no first frame within 1 s, ffmpeg killed"), driver.States);
        Assert.Empty(driver.Frames);
    }

    [Fact]
    public async Task A_bad_input_reports_ffmpegs_own_reason_and_keeps_retrying()
    {
        using var folder = new TempFolder();
        var missing = folder.File("no-such-video.mp4");
        using var camera = new CameraFrameSource(new CameraOptions { Format = "file", Input = missing, Width = 64, Height = 48, BackoffSeconds = 0.1 });
        var driver = new CameraDriver(camera);

        await driver.UntilAsync(() => camera.Stats.Reconnects >= 2, "two retries");

        Assert.Contains((SourceState.Backoff, $"ffmpeg exited with code 1: {missing}: No such file or directory"), driver.States);
        Assert.Empty(driver.Frames);
    }

    [Fact]
    public async Task An_rtsp_password_never_shows_in_the_reason()
    {
        var port = FreePort.Next();
        using var camera = new CameraFrameSource(new CameraOptions
        {
            Format = "rtsp",
            Input = $"rtsp://admin:s3cret@127.0.0.1:{port}/stream",
            Width = 64,
            Height = 48,
            BackoffSeconds = 5,
        });
        var driver = new CameraDriver(camera);

        await driver.UntilAsync(() => camera.Stats.State == SourceState.Backoff, "the refused connection");

        Assert.Contains($"rtsp://***@127.0.0.1:{port}/stream: Connection refused", camera.Stats.Reason);
        Assert.DoesNotContain("s3cret", camera.Stats.Reason);
    }

    [Fact]
    public async Task A_missing_ffmpeg_fails_for_good_saying_what_to_install()
    {
        using var camera = new CameraFrameSource(new CameraOptions { Format = "lavfi", Input = "testsrc", Width = 64, Height = 48, Executable = "/nonexistent/ffmpeg" });
        var driver = new CameraDriver(camera);

        await driver.UntilAsync(() => camera.Stats.State == SourceState.Failed, "the start to fail");

        Assert.StartsWith("cannot run /nonexistent/ffmpeg (", camera.Stats.Reason);
        Assert.EndsWith("install it (Debian package ffmpeg) or name it in the camera's Executable", camera.Stats.Reason);
        Assert.Equal(0, camera.Stats.Reconnects);
    }

    [Fact]
    public async Task Disposing_kills_and_reaps_the_child_and_leaves_nothing_running()
    {
        var camera = new CameraFrameSource(CameraFrameSourceTests.Lavfi("testsrc2=size=64x48:rate=25", fps: 25));
        var driver = new CameraDriver(camera);
        await driver.UntilAsync(() => driver.Frames.Count >= 1, "a frame");
        var pid = camera.ProcessId!.Value;

        camera.Dispose();

        Assert.False(Posix.Exists(pid), $"pid {pid} is still there (running or not reaped)");
        Assert.Null(camera.ProcessId);
        Assert.Equal(SourceState.Stopped, camera.Stats.State);
        Assert.False(camera.TryRead(out _));
    }

    [Fact]
    public async Task Disposing_during_a_backoff_ends_the_wait()
    {
        using var folder = new TempFolder();
        var camera = new CameraFrameSource(new CameraOptions { Format = "file", Input = folder.File("none.mkv"), Width = 64, Height = 48, BackoffSeconds = 3600, MaxBackoffSeconds = 3600 });
        var driver = new CameraDriver(camera);
        await driver.UntilAsync(() => camera.Stats.State == SourceState.Backoff, "the backoff");

        var disposed = Task.Run(camera.Dispose);

        Assert.Same(disposed, await Task.WhenAny(disposed, Task.Delay(CameraDriver.Patience)));
        Assert.Equal(SourceState.Stopped, camera.Stats.State);
    }
}
