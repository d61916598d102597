using System.Buffers;
using System.Text;
using System.Text.Json;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Ingestion.Tests.Support;

namespace GzAiEdge.Ingestion.Tests.Bounds;

/// <summary>What a device may claim: times near ingestion's clock, only the scenarios that list it, events of bounded length.</summary>
public class ReportBoundsTests
{
    private const string Topic = "gz/v1/tianhe-01/cam-01/kpi";

    [Theory]
    [InlineData(0, true)]                        // ended five minutes ago
    [InlineData(300, true)]                      // ended right now
    [InlineData(600, true)]                      // five minutes ahead: clocks drift
    [InlineData(601, false)]                     // further ahead
    [InlineData(300 - (35 * 86_400), true)]      // ended exactly 35 days ago, the horizon
    [InlineData(299 - (35 * 86_400), false)]     // a second before it
    public void The_hot_path_takes_a_window_only_within_the_bounds_and_the_general_path_agrees(int shiftSeconds, bool taken)
    {
        var payload = Payload(Report() with { WindowStart = Start.AddSeconds(shiftSeconds), WindowEnd = Start.AddSeconds(shiftSeconds + 10) });
        var output = new ArrayBufferWriter<byte>();

        Assert.Equal(taken, SampleReports.Writer().TryWrite(Topic, payload, output));
        Assert.Equal(taken, SampleReports.Mapper().Map(Topic, payload).Point is not null);
    }

    [Fact]
    public void A_future_dated_report_is_dead_lettered_naming_how_far_ahead_and_the_key()
    {
        var payload = Payload(Report() with { WindowStart = SampleReports.Now.AddHours(2), WindowEnd = SampleReports.Now.AddHours(2).AddSeconds(10) });

        var mapped = SampleReports.Mapper().Map(Topic, payload);

        Assert.Null(mapped.Point);
        Assert.Equal("windowEnd = '2026-11-22T10:05:20.0000000Z': 2 h ahead of ingestion's clock, more than the 300 s taken (ReportBounds:MaxFutureSeconds); check the device's clock",
            mapped.DeadLetterReason);
    }

    [Fact]
    public void A_report_older_than_the_horizon_is_dead_lettered_naming_the_horizon()
    {
        var payload = Payload(Report() with { WindowStart = Start.AddDays(-40), WindowEnd = Start.AddDays(-40).AddSeconds(10) });

        var reason = SampleReports.Mapper().Map(Topic, payload).DeadLetterReason;

        Assert.Equal("windowEnd = '2026-10-13T08:00:10.0000000Z': 40 days ago, beyond the acceptance horizon of 35 days (ReportBounds:HorizonDays)", reason);
    }

    [Fact]
    public void A_report_for_a_scenario_that_does_not_list_the_device_is_dead_lettered_and_the_hot_path_leaves_it()
    {
        var payload = Payload(Report() with { Device = "cam-02" });
        var output = new ArrayBufferWriter<byte>();

        Assert.False(SampleReports.Writer().TryWrite("gz/v1/tianhe-01/cam-02/kpi", payload, output));
        Assert.Equal(0, output.WrittenCount);
        Assert.Equal("scenario = 'traffic-tianhe-flow': the catalogue does not list tianhe-01/cam-02 under it (it lists tianhe-01/cam-01); a device reports only for the scenarios that list it",
            SampleReports.Mapper().Map("gz/v1/tianhe-01/cam-02/kpi", payload).DeadLetterReason);
    }

    [Fact]
    public void A_device_listed_at_another_site_may_not_report_from_this_one()
    {
        var payload = Payload(Report() with { Site = "tianhe-02" });

        Assert.False(SampleReports.Writer().TryWrite("gz/v1/tianhe-02/cam-01/kpi", payload, new ArrayBufferWriter<byte>()));
        Assert.StartsWith("scenario = 'traffic-tianhe-flow': the catalogue does not list tianhe-02/cam-01 under it",
            SampleReports.Mapper().Map("gz/v1/tianhe-02/cam-01/kpi", payload).DeadLetterReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("heartbeat", """{"v":1,"site":"s","device":"d","time":"2026-11-23T08:05:10Z","uptimeSeconds":5,"lastSeq":3}""")]
    [InlineData("event", """{"v":1,"site":"s","device":"d","time":"2026-11-23T08:05:10Z","level":"info","code":"x.y","message":"hi"}""")]
    [InlineData("checkpoint", """{"v":1,"site":"s","device":"d","time":"2026-11-23T08:05:10Z","seq":1,"head":"0000000000000000000000000000000000000000000000000000000000000000"}""")]
    public void Other_device_messages_from_the_future_are_dead_lettered_too(string kind, string payload) =>
        Assert.StartsWith("time = '2026-11-23T08:05:10.0000000Z': 24 h ahead of ingestion's clock",
            SampleReports.Mapper().Map($"gz/v1/s/d/{kind}", Encoding.UTF8.GetBytes(payload)).DeadLetterReason, StringComparison.Ordinal);

    [Theory]
    [InlineData("level", 17)]
    [InlineData("code", 65)]
    [InlineData("message", 4097)]
    [InlineData("commandId", 65)]
    public void An_event_with_an_over_long_field_is_dead_lettered_naming_the_field_and_its_length(string field, int length)
    {
        var fields = new Dictionary<string, string> { ["level"] = "info", ["code"] = "x.y", ["message"] = "hi", ["commandId"] = "c1" };
        fields[field] = new string('a', length);
        var payload = $$"""{"v":1,"site":"s","device":"d","time":"2026-11-22T08:00:00Z","level":"{{fields["level"]}}","code":"{{fields["code"]}}","message":"{{fields["message"]}}","commandId":"{{fields["commandId"]}}"}""";

        var reason = SampleReports.Mapper().Map("gz/v1/s/d/event", Encoding.UTF8.GetBytes(payload)).DeadLetterReason;

        Assert.Contains($"{field} = '{new string('a', Math.Min(length, 32))}…': is {length} characters long; at most {length - 1} are taken", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_at_every_limit_is_stored()
    {
        var payload = $$"""{"v":1,"site":"s","device":"d","time":"2026-11-22T08:00:00Z","level":"{{new string('l', 16)}}","code":"{{new string('c', 64)}}","message":"{{new string('m', 4096)}}","commandId":"{{new string('i', 64)}}"}""";

        Assert.NotNull(SampleReports.Mapper().Map("gz/v1/s/d/event", Encoding.UTF8.GetBytes(payload)).Point);
    }

    private static DateTimeOffset Start => SampleReports.Report(new Dictionary<string, double>()).WindowStart;

    private static KpiReport Report() => SampleReports.Report(new Dictionary<string, double> { ["vehicle_count"] = 3 });

    private static byte[] Payload(KpiReport report) => JsonSerializer.SerializeToUtf8Bytes(report, GzJsonContext.Default.KpiReport);
}
