using GzAiEdge.EdgeRuntime.Pipeline.Inference;
using GzAiEdge.Inference.Processing;

namespace GzAiEdge.EdgeRuntime.Tests.Pipeline.Inference;

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

    private static Detection Box(int cls, float cx, float cy) => new(cls, 0.9f, cx - 10, cy - 15, cx + 10, cy + 15);
}
