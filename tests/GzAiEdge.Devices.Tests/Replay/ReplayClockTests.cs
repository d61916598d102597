using GzAiEdge.Devices.Replay;

namespace GzAiEdge.Devices.Tests.Replay;

public class ReplayClockTests
{
    [Fact]
    public void A_replay_clock_releases_inputs_as_their_time_comes_and_loops()
    {
        var clock = new ReplayClock(rate: 5, count: 3);

        Assert.Equal(0, clock.Advance(0.1));
        Assert.Equal(1, clock.Advance(0.1));
        Assert.Equal(0, clock.IndexOf(0));
        Assert.Equal(3, clock.Advance(0.7));
        Assert.Equal(4, clock.Released);
        Assert.Equal([1, 2, 0], Enumerable.Range(1, 3).Select(n => clock.IndexOf(n)));
        Assert.Equal(0.4, clock.TimeOf(2), 9);
    }

    [Fact]
    public void A_faster_replay_releases_more_inputs_but_keeps_data_time()
    {
        var clock = new ReplayClock(rate: 1, count: 100, speed: 6);

        Assert.Equal(3, clock.Advance(0.5));
        Assert.Equal(2.0, clock.TimeOf(2), 9);
        Assert.Equal((3 - 2) / 6.0, clock.AgeOf(2), 9);
    }
}
