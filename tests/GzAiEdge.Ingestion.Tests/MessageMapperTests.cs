using System.Text;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Contracts.Validation;
using GzAiEdge.Ingestion;
using GzAiEdge.Ingestion.Tests.Support;
using GzAiEdge.TimeSeries;

namespace GzAiEdge.Ingestion.Tests;

public class MessageMapperTests
{
    private const string Report = """
        {"v":1,"site":"tianhe-01","device":"cam-01","scenario":"traffic-tianhe-flow","seq":7,
         "windowStart":"2026-11-22T08:00:00Z","windowEnd":"2026-11-22T08:00:10Z","kpis":{"vehicle_count":3,"mean_speed_kmh":41.5}}
        """;

    // SHA-256 of the report's canonical bytes (Contracts.Signing.CanonicalBytes), which ingestion stores as "hash".
    private static readonly string ReportHash = GzAiEdge.Contracts.Signing.ChainHash.Compute(System.Text.Encoding.UTF8.GetBytes(
        """{"v":1,"site":"tianhe-01","device":"cam-01","scenario":"traffic-tianhe-flow","seq":7,"windowStart":"2026-11-22T08:00:00.0000000Z","windowEnd":"2026-11-22T08:00:10.0000000Z","kpis":{"mean_speed_kmh":41.5,"vehicle_count":3}}"""));

    private readonly MessageMapper _mapper = SampleReports.Mapper();

    [Fact]
    public void A_kpi_report_becomes_one_point_keyed_by_its_tags_and_window_end()
    {
        var point = Map("gz/v1/tianhe-01/cam-01/kpi", Report).Point!;

        Assert.Equal("kpi", point.Measurement);
        Assert.Equal(
            [new("site", "tianhe-01"), new("device", "cam-01"), new("scenario", "traffic-tianhe-flow"), new("sector", "traffic")],
            point.Tags);
        Assert.Equal(
            [new("seq", FieldValue.Integer(7)),
                new("window_start_ns", FieldValue.Integer(LinePoint.ToUnixNanoseconds(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero)))),
                new("hash", FieldValue.String(ReportHash)),
                new("vehicle_count", FieldValue.Float(3)), new("mean_speed_kmh", FieldValue.Float(41.5))],
            point.Fields);
        Assert.Equal(LinePoint.ToUnixNanoseconds(new DateTimeOffset(2026, 11, 22, 8, 0, 10, TimeSpan.Zero)), point.Timestamp);
    }

    [Fact]
    public void Heartbeat_state_and_event_become_points_of_their_own_measurements()
    {
        var heartbeat = Map("gz/v1/s/d/heartbeat", """{"v":1,"site":"s","device":"d","time":"2026-11-22T08:00:00Z","uptimeSeconds":5,"lastSeq":3}""");
        var state = Map("gz/v1/s/d/state", """{"v":1,"site":"s","device":"d","state":"online","time":"2026-11-22T08:00:00Z"}""");
        var e = Map("gz/v1/s/d/event", """{"v":1,"site":"s","device":"d","time":"2026-11-22T08:00:00Z","level":"info","code":"x.y","message":"hi"}""");

        Assert.Equal("heartbeat", heartbeat.Point!.Measurement);
        Assert.Equal("device_state", state.Point!.Measurement);
        Assert.Equal("device_event", e.Point!.Measurement);
    }

    [Fact]
    public void A_command_is_kept_as_sent_and_a_command_result_keeps_its_command_id()
    {
        var command = Map("gz/v1/s/d/cmd", """{"v":1,"id":"c1","site":"s","device":"d","issued":"2026-11-22T08:00:00Z","expires":"2026-11-22T08:10:00Z","type":"config.set","arguments":{"Pipeline:DecisionThreshold":"0.6"}}""");
        var result = Map("gz/v1/s/d/event", """{"v":1,"site":"s","device":"d","time":"2026-11-22T08:00:01Z","level":"info","code":"command.succeeded","message":"set","commandId":"c1"}""");

        Assert.Equal("device_command", command.Point!.Measurement);
        Assert.Equal(
            ["id=c1", "type=config.set", "arguments={\"Pipeline:DecisionThreshold\":\"0.6\"}", "expires_ns=1795335000000000000"],
            command.Point.Fields.Select(f => $"{f.Key}={(f.Value.Kind == FieldKind.String ? f.Value.AsString : f.Value.AsInteger)}"));
        Assert.Equal(("command_id", "c1"), (result.Point!.Fields[^1].Key, result.Point.Fields[^1].Value.AsString));
    }

    [Fact]
    public void A_heartbeats_health_becomes_fields_of_its_point_and_absent_readings_none()
    {
        var mapped = Map("gz/v1/s/d/heartbeat", """
            {"v":1,"site":"s","device":"d","time":"2026-11-22T08:00:00Z","uptimeSeconds":5,"lastSeq":3,"outboxDepth":0,
             "health":{"cpuProcessPercent":12.5,"cpuSystemPercent":40,"cpuCores":4,"memoryRssBytes":1000,"memoryAvailableBytes":5000,
              "memoryTotalBytes":8000,"diskFreeBytes":10,"diskTotalBytes":20,"temperatures":{"cpu":51.5},"inferencesPerSecond":20,
              "camera":{"state":"streaming","framesPerSecond":29.5,"framesDropped":2}}}
            """);
        var bare = Map("gz/v1/s/d/heartbeat", """{"v":1,"site":"s","device":"d","time":"2026-11-22T08:00:00Z","uptimeSeconds":5,"lastSeq":3,"health":{"cpuCores":2}}""");

        Assert.Equal(
        [
            new("uptime_s", FieldValue.Integer(5)), new("last_seq", FieldValue.Integer(3)), new("outbox_depth", FieldValue.Integer(0)),
            new("cpu_process_pct", FieldValue.Float(12.5)), new("cpu_system_pct", FieldValue.Float(40)), new("cpu_cores", FieldValue.Integer(4)),
            new("mem_rss_bytes", FieldValue.Integer(1000)), new("mem_available_bytes", FieldValue.Integer(5000)), new("mem_total_bytes", FieldValue.Integer(8000)),
            new("disk_free_bytes", FieldValue.Integer(10)), new("disk_total_bytes", FieldValue.Integer(20)), new("inferences_per_s", FieldValue.Float(20)),
            new("temp_cpu_c", FieldValue.Float(51.5)), new("camera_state", FieldValue.String("streaming")), new("camera_fps", FieldValue.Float(29.5)),
            new("camera_dropped", FieldValue.Integer(2)),
        ], mapped.Point!.Fields);
        Assert.Equal(["uptime_s", "last_seq", "cpu_cores"], bare.Point!.Fields.Select(f => f.Key));
    }

    [Fact]
    public void A_heartbeat_with_health_out_of_range_is_rejected_naming_the_reading()
    {
        var mapped = Map("gz/v1/s/d/heartbeat", """{"v":1,"site":"s","device":"d","time":"2026-11-22T08:00:00Z","uptimeSeconds":5,"lastSeq":3,"health":{"diskFreeBytes":30,"diskTotalBytes":20}}""");

        Assert.Null(mapped.Point);
        Assert.Contains("health.diskFreeBytes = '30': exceeds health.diskTotalBytes (20)", mapped.DeadLetterReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gz/v1/tianhe-01/cam-01", Report, "is not of the form")]
    [InlineData("gz/v1/tianhe-01/cam-02/kpi", Report, "device = 'cam-01': differs from the topic's device 'cam-02'")]
    [InlineData("gz/v1/tianhe-01/cam-01/cmd", Report, "could not be mapped to any .NET member contained in type 'GzAiEdge.Contracts.Messages.DeviceCommand'")]
    [InlineData("gz/v1/tianhe-01/cam-01/kpi", "{\"v\":1", "invalid JSON")]
    public void Bad_messages_are_rejected_with_the_reason(string topic, string payload, string reason) =>
        Assert.Contains(reason, Map(topic, payload).DeadLetterReason);

    [Fact]
    public void A_report_for_a_scenario_not_in_the_catalogue_is_rejected_naming_it() =>
        Assert.Equal("scenario = 'other': not in the scenario catalogue",
            Map("gz/v1/tianhe-01/cam-01/kpi", Report.Replace("traffic-tianhe-flow", "other", StringComparison.Ordinal)).DeadLetterReason);

    // A state's time is not bounded (a last will carries its connect time), so the storage range still decides.
    [Fact]
    public void A_time_influxdb_cannot_store_is_rejected_not_thrown() =>
        Assert.Contains("range InfluxDB can store",
            Map("gz/v1/s/d/state", """{"v":1,"site":"s","device":"d","state":"online","time":"2999-11-22T08:00:00Z"}""").DeadLetterReason);

    // Ingestion stores these beside the KPIs on the same point, and the chain reader tells them apart by name.
    [Fact]
    public void No_kpi_may_take_the_name_of_a_tag_or_field_stored_beside_the_kpis()
    {
        using var signer = DeviceSigner.Create();
        var report = signer.Sign(SampleReports.Report(new Dictionary<string, double> { ["vehicle_count"] = 3 }) with
        {
            Model = new ModelInfo("yolov8n-gz", "1.0.0", new string('a', 64)),
            Prev = ChainHash.Genesis,
        });
        var point = StoredSchema.Kpi(report, "traffic", ChainHash.Genesis);

        var stored = point.Tags.Select(t => t.Key).Concat(point.Fields.Select(f => f.Key)).Where(name => !report.Kpis.ContainsKey(name)).ToList();

        Assert.Contains("model", stored);
        foreach (var name in stored)
        {
            var clash = report with { Kpis = new Dictionary<string, double> { [name] = 1 } };
            Assert.Contains(KpiReportValidator.Validate(clash), e => e.Field == $"kpis.{name}" && e.Why == "is a reserved name");
        }
    }

    private Mapped Map(string topic, string payload) => _mapper.Map(topic, Encoding.UTF8.GetBytes(payload));
}
