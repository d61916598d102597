using System.Text;
using System.Text.Json;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Topics;
using GzAiEdge.Contracts.Validation;

namespace GzAiEdge.Contracts.Tests;

public class KpiReportTests
{
    private static readonly KpiReport Valid = new()
    {
        V = 1,
        Site = "tianhe-01",
        Device = "cam-01",
        Scenario = "traffic-tianhe-flow",
        Seq = 42,
        WindowStart = new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero),
        WindowEnd = new DateTimeOffset(2026, 11, 22, 8, 0, 10, TimeSpan.Zero),
        Kpis = new Dictionary<string, double> { ["vehicle_count"] = 17, ["mean_speed_kmh"] = 38.25 },
        Model = new ModelInfo("yolov8n-gz", "1.0.0", new string('a', 64)),
    };

    private static readonly GzTopic KpiTopic = GzTopic.Create("tianhe-01", "cam-01", MessageKind.Kpi);

    [Fact]
    public void Report_serializes_camel_case_and_reads_back_equal()
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(Valid, GzJsonContext.Default.KpiReport);
        var text = Encoding.UTF8.GetString(json);

        Assert.Contains("\"windowEnd\":\"2026-11-22T08:00:10+00:00\"", text);
        Assert.Contains("\"seq\":42", text);
        Assert.DoesNotContain("\"sig\"", text);
        Assert.True(MessageReader.TryRead(json, GzJsonContext.Default.KpiReport, KpiTopic, out var read, out var errors), ContractError.Join(errors));
        Assert.Equal(Valid.Seq, read.Seq);
        Assert.Equal(Valid.Kpis, read.Kpis);
        Assert.Equal(Valid.Model, read.Model);
        Assert.Equal(Valid.WindowEnd, read.WindowEnd);
    }

    [Fact]
    public void A_valid_report_has_no_errors() => Assert.Empty(KpiReportValidator.Validate(Valid));

    [Theory]
    [InlineData("v", "2", "unsupported contract version")]
    [InlineData("seq", "0", "must be 1 or more")]
    [InlineData("windowEnd", "2026-11-22T08:00:00.0000000+00:00", "must be after windowStart")]
    [InlineData("kpis.Bad Name", null, "KPI names are")]
    [InlineData("kpis.seq", null, "reserved")]
    [InlineData("kpis.speed", "NaN", "finite")]
    [InlineData("model.sha256", "xyz", "64 lowercase hex")]
    [InlineData("scenario", "", "is empty")]
    public void Each_broken_field_is_named_with_its_value_and_why(string field, string? value, string why)
    {
        var report = field switch
        {
            "v" => Valid with { V = 2 },
            "seq" => Valid with { Seq = 0 },
            "windowEnd" => Valid with { WindowEnd = Valid.WindowStart },
            "kpis.Bad Name" => Valid with { Kpis = new Dictionary<string, double> { ["Bad Name"] = 1 } },
            "kpis.seq" => Valid with { Kpis = new Dictionary<string, double> { ["seq"] = 1 } },
            "kpis.speed" => Valid with { Kpis = new Dictionary<string, double> { ["speed"] = double.NaN } },
            "model.sha256" => Valid with { Model = Valid.Model! with { Sha256 = "xyz" } },
            "scenario" => Valid with { Scenario = "" },
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        var error = Assert.Single(KpiReportValidator.Validate(report));

        Assert.Equal(field, error.Field);
        Assert.Equal(value, error.Value);
        Assert.Contains(why, error.Why);
    }

    [Fact]
    public void A_report_for_another_device_than_the_topic_is_rejected()
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(Valid with { Device = "cam-02" }, GzJsonContext.Default.KpiReport);

        Assert.False(MessageReader.TryRead(json, GzJsonContext.Default.KpiReport, KpiTopic, out _, out var errors));

        Assert.Equal("device = 'cam-02': differs from the topic's device 'cam-01'", Assert.Single(errors).ToString());
    }

    [Theory]
    [InlineData("{not json", "invalid JSON")]
    [InlineData("null", "is not a JSON object")]
    [InlineData("[]", "invalid JSON")]
    [InlineData("""{"v":1,"site":"s","device":"d","scenario":"x","windowStart":"2026-01-01T00:00:00Z","windowEnd":"2026-01-01T00:00:10Z","kpis":{"a":1}}""", "seq")]
    [InlineData("""{"v":1,"site":"s","device":"d","scenario":"x","seq":"7","windowStart":"2026-01-01T00:00:00Z","windowEnd":"2026-01-01T00:00:10Z","kpis":{"a":1}}""", "$.seq")]
    [InlineData("""{"v":1,"site":"s","device":"d","scenario":"x","seq":7,"extra":1,"windowStart":"2026-01-01T00:00:00Z","windowEnd":"2026-01-01T00:00:10Z","kpis":{"a":1}}""", "extra")]
    public void Malformed_payloads_give_a_clear_error_not_an_exception(string payload, string expected)
    {
        Assert.False(MessageReader.TryReadKpiReport(Encoding.UTF8.GetBytes(payload), out _, out var errors));

        var error = Assert.Single(errors);
        Assert.Equal("payload", error.Field);
        Assert.Contains(expected, error.Why);
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(7);
        var valid = JsonSerializer.SerializeToUtf8Bytes(Valid, GzJsonContext.Default.KpiReport);
        for (var i = 0; i < 5000; i++)
        {
            var bytes = (byte[])valid.Clone();
            for (var flips = random.Next(1, 4); flips > 0; flips--)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            var accepted = MessageReader.TryReadKpiReport(bytes.AsSpan(0, random.Next(bytes.Length + 1)), out var report, out var errors);

            Assert.True(accepted ? report is not null && errors.Count == 0 : report is null && errors.Count > 0);
        }
    }
}
