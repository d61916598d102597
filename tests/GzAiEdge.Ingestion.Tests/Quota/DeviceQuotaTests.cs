using GzAiEdge.Ingestion.Quota;
using Microsoft.Extensions.Time.Testing;

namespace GzAiEdge.Ingestion.Tests.Quota;

/// <summary>The per-device quota on a fake clock: size, burst, sustained rate, each device on its own, the cloud's commands free.</summary>
public sealed class DeviceQuotaTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void A_device_gets_its_burst_then_its_sustained_rate_and_each_device_its_own()
    {
        var quota = Quota(burst: 5, perSecond: 2);

        var first = Enumerable.Range(0, 7).Select(_ => quota.Check("gz/v1/s/flood/kpi", 500)).ToList();
        var other = quota.Check("gz/v1/s/calm/heartbeat", 500);
        _time.Advance(TimeSpan.FromSeconds(1));
        var second = Enumerable.Range(0, 3).Select(_ => quota.Check("gz/v1/s/flood/event", 500)).ToList();

        Assert.Equal([.. Enumerable.Repeat(QuotaVerdict.Allowed, 5), QuotaVerdict.TooFast, QuotaVerdict.TooFast], first);
        Assert.Equal(QuotaVerdict.Allowed, other);
        Assert.Equal([QuotaVerdict.Allowed, QuotaVerdict.Allowed, QuotaVerdict.TooFast], second);
    }

    [Fact]
    public void A_message_over_the_size_limit_is_refused_and_named_as_quota()
    {
        var quota = Quota(maxBytes: 1000);

        Assert.Equal(QuotaVerdict.Allowed, quota.Check("gz/v1/s/d/kpi", 1000));
        Assert.Equal(QuotaVerdict.TooLarge, quota.Check("gz/v1/s/d/kpi", 1001));
        Assert.Equal("quota: 1001 bytes, over the 1000 a device may send in one message (Ingestion:Quota:MaxMessageBytes)",
            quota.Reason(QuotaVerdict.TooLarge, 1001));
        Assert.StartsWith($"{QuotaReason.Prefix}: over the 50 messages per second", quota.Reason(QuotaVerdict.TooFast, 10), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gz/v1/s/d/cmd")]
    [InlineData("gz/v1/alerts")]
    [InlineData("other/topic/entirely")]
    public void The_clouds_own_commands_and_topics_that_name_no_device_are_not_charged(string topic)
    {
        var quota = Quota(burst: 1, maxBytes: 300);

        Assert.All(Enumerable.Range(0, 5), _ => Assert.Equal(QuotaVerdict.Allowed, quota.Check(topic, 1000)));
    }

    [Fact]
    public void Going_over_and_coming_back_are_each_said_once()
    {
        var quota = Quota(burst: 1, perSecond: 1);
        var seen = new List<(QuotaVerdict, bool Started, bool Stopped)>();
        void Check()
        {
            var verdict = quota.Check("gz/v1/s/d/kpi", 10);
            seen.Add((verdict, quota.StartedRefusing, quota.StoppedRefusing));
        }

        Check();
        Check();
        Check();
        _time.Advance(TimeSpan.FromSeconds(1));
        Check();
        Check();

        Assert.Equal(
        [
            (QuotaVerdict.Allowed, false, false),
            (QuotaVerdict.TooFast, true, false),
            (QuotaVerdict.TooFast, false, false),
            (QuotaVerdict.Allowed, false, true),
            (QuotaVerdict.TooFast, true, false),
        ], seen);
    }

    private DeviceQuota Quota(int burst = 10_000, double perSecond = 50, int maxBytes = 64 * 1024) =>
        new(new QuotaOptions { Burst = burst, MessagesPerSecond = perSecond, MaxMessageBytes = maxBytes }, _time);
}
