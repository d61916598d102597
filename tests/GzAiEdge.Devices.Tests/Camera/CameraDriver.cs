using GzAiEdge.Devices.Camera;
using GzAiEdge.Devices.Sources;
using GzAiEdge.Testing;

namespace GzAiEdge.Devices.Tests.Camera;

/// <summary>
/// Plays the pipeline's part for a camera under test: ticks it, keeps what each delivered frame said (and, when
/// asked, its pixels), and waits for conditions with generous timeouts (the machine is shared; no timing is asserted).
/// </summary>
internal sealed class CameraDriver
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly CameraFrameSource _camera;

    // The camera runs ffmpeg or gst-launch-1.0 as its child: a server for the split of the suite.
    public CameraDriver(CameraFrameSource camera)
    {
        TestCategory.EnsureServersAllowed("the camera's child (ffmpeg or gst-launch-1.0)");
        _camera = camera;
    }

    public List<(long Sequence, long Index, DateTimeOffset Time)> Frames { get; } = [];

    public List<byte[]> Pixels { get; } = [];

    /// <summary>Every state and reason seen while waiting, in order, without repeats.</summary>
    public List<(SourceState State, string? Reason)> States { get; } = [];

    public bool KeepPixels { get; init; }

    /// <summary>One tick: reads every frame released now.</summary>
    public void Tick()
    {
        _camera.Advance(DateTimeOffset.UtcNow, TimeSpan.Zero);
        while (_camera.TryRead(out var frame))
        {
            Assert.Equal(_camera.Format.FrameBytes, frame.Pixels.Length);
            Frames.Add((frame.Sequence, frame.Index, frame.Time));
            if (KeepPixels)
            {
                Pixels.Add(frame.Pixels.ToArray());
            }
        }
    }

    /// <summary>Ticks every <paramref name="tickMilliseconds"/> until <paramref name="condition"/> holds.</summary>
    public async Task UntilAsync(Func<bool> condition, string what, int tickMilliseconds = 10)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            Tick();
            var stats = _camera.Stats;
            if (States.Count == 0 || States[^1] != (stats.State, stats.Reason))
            {
                States.Add((stats.State, stats.Reason));
            }

            if (condition())
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"waited {Patience.TotalSeconds} s for {what}; camera: {stats}; states seen: {string.Join(" → ", States)}");
            await Task.Delay(tickMilliseconds);
        }
    }
}
