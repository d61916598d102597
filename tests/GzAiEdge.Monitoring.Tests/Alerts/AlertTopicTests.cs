using System.Text;
using GzAiEdge.Monitoring.Alerts;
using GzAiEdge.Monitoring.Live;
using Microsoft.Extensions.Logging.Abstractions;

namespace GzAiEdge.Monitoring.Tests.Alerts;

/// <summary>Alerts other instances published on <c>gz/v1/alerts</c>, shown on this instance's live streams.</summary>
public sealed class AlertTopicTests
{
    private readonly LiveHub _hub = new();

    [Fact]
    public void Another_instances_alert_is_streamed_as_it_arrived_under_its_scenario_and_site()
    {
        using var stream = _hub.Subscribe();
        var alert = new AlertView(7, "t/offline", AlertKinds.Offline, "vitals", "site-1", "bed-01", null, 31, 30, "site-1/bed-01 offline", Reports.T0, null, null);
        var payload = Encoding.UTF8.GetBytes(LiveJson.Serialize(alert));

        new AlertTopic(_hub, NullLogger<AlertTopic>.Instance).Handle(payload);

        Assert.True(stream.Events.TryRead(out var streamed));
        Assert.Equal((LiveEvent.Alert, "vitals", "site-1"), (streamed.Type, streamed.Scenario, streamed.Site));
        Assert.Equal(Encoding.UTF8.GetString(payload), streamed.Json);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("{\"id\":7,\"site\":\"site-1\"}")]
    public void What_is_not_an_alert_with_scenario_and_site_is_not_streamed(string payload)
    {
        using var stream = _hub.Subscribe();

        new AlertTopic(_hub, NullLogger<AlertTopic>.Instance).Handle(Encoding.UTF8.GetBytes(payload));

        Assert.False(stream.Events.TryRead(out _));
        Assert.Equal("gz/v1/alerts", new AlertTopic(_hub, NullLogger<AlertTopic>.Instance).Topic);
    }
}
