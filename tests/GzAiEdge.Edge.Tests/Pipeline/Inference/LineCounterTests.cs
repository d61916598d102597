using GzAiEdge.Edge.Pipeline.Inference;
using GzAiEdge.Edge.Pipeline.Replay;
using GzAiEdge.Inference.Processing;

namespace GzAiEdge.Edge.Tests.Pipeline.Inference;

public class LineCounterTests
{
    [Fact]
    public void A_box_whose_centre_moves_over_the_line_is_counted_once_per_class()
    {
        var counter = new LineCounter(60);
        var crossings = new List<int>();

        counter.Next([Box(0, 40, 50), Box(1, 10, 64), Box(0, 120, 70)], crossings.Add);
        counter.Next([Box(0, 40, 58), Box(1, 10, 58), Box(0, 120, 62)], crossings.Add);   // pedestrian crosses up
        counter.Next([Box(0, 40, 66), Box(1, 10, 52), Box(0, 120, 55)], crossings.Add);   // both cars cross

        Assert.Equal([1, 0, 0], crossings);
    }

    [Fact]
    public void Boxes_farther_apart_than_their_size_or_of_another_class_are_not_paired()
    {
        var counter = new LineCounter(60);
        var crossings = new List<int>();

        counter.Next([Box(0, 40, 50), Box(1, 100, 55)], crossings.Add);
        counter.Next([Box(0, 40, 95), Box(0, 100, 65)], crossings.Add);

        Assert.Empty(crossings);
    }

    [Fact]
    public void After_a_reset_the_next_frame_starts_afresh()
    {
        var counter = new LineCounter(60);
        var crossings = new List<int>();
        counter.Next([Box(0, 40, 55)], crossings.Add);

        counter.Reset();
        counter.Next([Box(0, 40, 65)], crossings.Add);

        Assert.Empty(crossings);
    }

    [Fact]
    public void A_replay_clock_releases_inputs_as_their_time_comes_and_loops()
    {
        var clock = new ReplayClock(rate: 5, count: 3);

        Assert.Equal(0, clock.Advance(0.1));
        Assert.Equal(1, clock.Advance(0.1));
        Assert.Equal(0, clock.IndexOf(0, 1));
        Assert.Equal(3, clock.Advance(0.7));
        Assert.Equal([1, 2, 0], Enumerable.Range(0, 3).Select(k => clock.IndexOf(k, 3)));
        Assert.Equal(0.4, clock.TimeOf(2), 9);
    }

    [Fact]
    public void A_faster_replay_releases_more_inputs_but_keeps_data_time()
    {
        var clock = new ReplayClock(rate: 1, count: 100, speed: 6);

        Assert.Equal(3, clock.Advance(0.5));
        Assert.Equal(2.0, clock.TimeOf(2), 9);
    }

    private static Detection Box(int cls, float cx, float cy) => new(cls, 0.9f, cx - 10, cy - 15, cx + 10, cy + 15);
}
