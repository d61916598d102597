using GzAiEdge.Devices.Replay;
using GzAiEdge.Devices.Sources;
using GzAiEdge.Testing;

namespace GzAiEdge.Devices.Tests.Replay;

/// <summary>The replays the demo devices play (models/replay), through the frame and signal ports.</summary>
public class ReplaySourceTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_frame_replay_at_four_times_speed_delivers_four_times_the_frames_looping_over_the_recording()
    {
        var replay = ReplayData.Load(RepoPaths.Combine("models", "replay", "traffic"));
        using var source = new ReplayFrameSource(replay, speed: 4);
        var frames = new List<(long Sequence, long Index, DateTimeOffset Time)>();

        // 40 ticks of 0.25 s: 10 s of wall time, 40 s of data at 5 fps = 200 frames (the recording holds 120).
        for (var tick = 1; tick <= 40; tick++)
        {
            source.Advance(Start.AddSeconds(tick * 0.25), TimeSpan.FromSeconds(0.25));
            while (source.TryRead(out var frame))
            {
                Assert.True(frame.Pixels.Span.SequenceEqual(replay.Bytes.AsSpan((int)frame.Index * replay.FrameBytes, replay.FrameBytes)));
                frames.Add((frame.Sequence, frame.Index, frame.Time));
            }
        }

        Assert.Equal(200, frames.Count);
        Assert.Equal(Enumerable.Range(0, 200).Select(i => (long)i), frames.Select(f => f.Sequence));
        Assert.Equal(Enumerable.Range(0, 200).Select(i => (long)(i % 120)), frames.Select(f => f.Index));
        AssertNear(Start.AddSeconds(199 / 20.0), frames[^1].Time);
        Assert.Equal(new SourceStats("replay", SourceState.Streaming, null, 200, 200, 0, 0, frames[^1].Time), source.Stats);
    }

    [Fact]
    public void A_signal_replay_at_six_times_speed_reads_what_fell_due_into_the_callers_span()
    {
        var replay = ReplayData.Load(RepoPaths.Combine("models", "replay", "vitals"));
        using var source = new ReplaySignalSource(replay, speed: 6);
        var values = new float[2 * 7];
        var stamps = new SampleStamp[7];

        source.Advance(Start.AddSeconds(2), TimeSpan.FromSeconds(2));
        var first = source.Read(values, stamps);
        var second = source.Read(values, stamps);
        var third = source.Read(values, stamps);

        // 2 s at 6x of 1 Hz data: 12 samples, read 7 then 5 into a span that holds 7.
        Assert.Equal((7, 5, 0), (first, second, third));
        Assert.Equal(["heart_rate", "spo2"], source.Format.Channels);
        Assert.Equal(replay.Signal.AsSpan(14, 10).ToArray(), values[..10]);
        Assert.Equal([7L, 8, 9, 10, 11], stamps[..5].Select(s => s.Index));
        AssertNear(Start.AddSeconds(2 - ((12 - 11) / 6.0)), stamps[4].Time);
    }

    [Fact]
    public void Released_inputs_not_read_in_a_tick_wait_for_the_next_one()
    {
        var replay = ReplayData.Load(RepoPaths.Combine("models", "replay", "inspection"));
        using var source = new ReplayFrameSource(replay);

        source.Advance(Start.AddSeconds(2), TimeSpan.FromSeconds(2));
        Assert.True(source.TryRead(out _));
        source.Advance(Start.AddSeconds(2.1), TimeSpan.FromSeconds(0.1));
        var indices = new List<long>();
        while (source.TryRead(out var frame))
        {
            indices.Add(frame.Index);
        }

        Assert.Equal([1L, 2, 3], indices);
    }

    [Fact]
    public void A_replay_of_the_wrong_kind_is_refused_naming_the_folder()
    {
        var signal = ReplayData.Load(RepoPaths.Combine("models", "replay", "vibration"));
        var frames = ReplayData.Load(RepoPaths.Combine("models", "replay", "traffic"));

        var frameError = Assert.Throws<InvalidDataException>(() => new ReplayFrameSource(signal));
        var signalError = Assert.Throws<InvalidDataException>(() => new ReplaySignalSource(frames));

        Assert.Equal($"replay {signal.Folder} holds signal; a frame source needs frames or images", frameError.Message);
        Assert.Equal($"replay {frames.Folder} holds frames; a signal source needs a signal", signalError.Message);
    }

    // Due times are computed in floating point seconds; a tick (100 ns) either way is the same instant.
    private static void AssertNear(DateTimeOffset expected, DateTimeOffset actual) =>
        Assert.InRange((actual - expected).Duration(), TimeSpan.Zero, TimeSpan.FromTicks(10));
}
