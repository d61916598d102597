using GzAiEdge.Contracts.Topics;

namespace GzAiEdge.Contracts.Tests;

public class TopicTests
{
    [Fact]
    public void Topic_round_trips_through_its_string()
    {
        var topic = GzTopic.Create("tianhe-01", "cam_03", MessageKind.Kpi);

        Assert.Equal("gz/v1/tianhe-01/cam_03/kpi", topic.ToString());
        Assert.True(GzTopic.TryParse(topic.ToString(), out var parsed, out _));
        Assert.Equal(topic, parsed);
    }

    [Theory]
    [InlineData("gz/v1/site/dev/heartbeat", MessageKind.Heartbeat)]
    [InlineData("gz/v1/site/dev/event", MessageKind.Event)]
    [InlineData("gz/v1/site/dev/state", MessageKind.State)]
    [InlineData("gz/v1/site/dev/cmd", MessageKind.Cmd)]
    public void Every_kind_parses(string topic, MessageKind kind)
    {
        Assert.True(GzTopic.TryParse(topic, out var parsed, out _));
        Assert.Equal(kind, parsed.Kind);
    }

    [Theory]
    [InlineData("gz/v2/site/dev/kpi", "is not of the form")]
    [InlineData("gz/v1/site/dev", "is not of the form")]
    [InlineData("gz/v1/site/dev/kpi/extra", "is not of the form")]
    [InlineData("gz/v1/Site/dev/kpi", "site 'Site' must start with a-z or 0-9")]
    [InlineData("gz/v1/site/d+v/kpi", "device 'd+v' has '+'")]
    [InlineData("gz/v1//dev/kpi", "site is empty")]
    [InlineData("gz/v1/site/dev/metrics", "kind 'metrics' is not one of kpi, heartbeat, event, state, cmd, checkpoint")]
    public void Bad_topics_are_rejected_naming_the_segment(string topic, string expected)
    {
        Assert.False(GzTopic.TryParse(topic, out _, out var error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Building_a_topic_with_a_wildcard_in_the_device_throws_naming_it()
    {
        var ex = Assert.Throws<ArgumentException>(() => GzTopic.Create("site", "dev/#", MessageKind.Kpi));

        Assert.Equal("device", ex.ParamName);
        Assert.Contains("'dev/#' has '/'", ex.Message);
    }

    [Fact]
    public void Ids_longer_than_64_characters_are_rejected()
    {
        Assert.Null(Identifiers.Check(new string('a', 64)));
        Assert.Contains("longer than 64", Identifiers.Check(new string('a', 65)));
    }
}
