using System.Globalization;
using System.Text;
using System.Text.Json;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Contracts.Validation;

namespace GzAiEdge.Contracts.Tests.Validation;

/// <summary>The in-place reader takes a report only when the serializer and validator would, with the same values.</summary>
public class Utf8KpiReportTests
{
    private readonly Utf8Kpi[] _kpis = new Utf8Kpi[KpiReportValidator.MaxKpis];

    [Fact]
    public void A_signed_report_is_read_with_the_values_the_serializer_reads()
    {
        using var signer = DeviceSigner.Create();
        var report = Signed(signer);
        var payload = JsonSerializer.SerializeToUtf8Bytes(report, GzJsonContext.Default.KpiReport);

        Assert.True(Read(payload, out var read));

        Assert.Equal((report.Site, report.Device, report.Scenario, report.Seq), (Text(read.Site), Text(read.Device), Text(read.Scenario), read.Seq));
        Assert.Equal((report.WindowStart.UtcTicks, report.WindowEnd.UtcTicks), (read.WindowStartTicks, read.WindowEndTicks));
        Assert.Equal((report.Prev, report.Kid, report.Sig), (Text(read.Prev), Text(read.Kid), Text(read.Sig)));
        Assert.Equal(report.Model, new ModelInfo(Text(read.ModelName), Text(read.ModelVersion), Text(read.ModelSha256)));
        var names = new List<string>();
        var values = new List<double>();
        for (var i = 0; i < read.KpiCount; i++)
        {
            names.Add(Text(read.KpiName(i)));
            values.Add(read.KpiValue(i));
        }

        Assert.Equal(report.Kpis.Keys, names);
        Assert.Equal(report.Kpis.Values, values);
    }

    [Fact]
    public void Canonical_bytes_written_in_place_are_those_of_the_report_object()
    {
        using var signer = DeviceSigner.Create();
        var report = Signed(signer);
        var payload = JsonSerializer.SerializeToUtf8Bytes(report, GzJsonContext.Default.KpiReport);
        Assert.True(Read(payload, out var read));
        var canonical = new byte[4096];

        Assert.True(CanonicalBytes.TryWrite(read, canonical, out var length));
        var hex = new byte[ChainHash.Length];
        using var hasher = new ChainHasher();
        hasher.Compute(canonical.AsSpan(0, length), hex);

        Assert.Equal(Encoding.UTF8.GetString(CanonicalBytes.Of(report)), Encoding.UTF8.GetString(canonical, 0, length));
        Assert.Equal(ChainHash.Of(report), Encoding.ASCII.GetString(hex));
        Assert.False(CanonicalBytes.TryWrite(read, canonical.AsSpan(0, length - 1), out _));
    }

    [Theory]
    [InlineData("{\"v\":2}")]
    [InlineData("\"kpis\":{\"seq\":1}")]
    [InlineData("\"kpis\":{\"Bad\":1}")]
    [InlineData("\"seq\":0")]
    [InlineData("\"windowEnd\":\"2026-11-22T07:00:00Z\"")]
    [InlineData("\"windowEnd\":\"2026-11-24T08:00:00Z\"")]
    [InlineData("\"kid\":\"0123456789abcdef\"")]
    [InlineData("\"prev\":\"ABC\"")]
    [InlineData("\"scenario\":\"Traffic\"")]
    [InlineData("\"model\":{\"name\":\" \",\"version\":\"1\",\"sha256\":\"" + Sha + "\"}")]
    [InlineData("\"model\":{\"name\":\"m\",\"version\":\"1\"}")]
    [InlineData("\"extra\":1")]
    public void Reports_the_validator_refuses_are_not_taken(string member)
    {
        var payload = Encoding.UTF8.GetBytes(member.StartsWith('{') ? member : Plain.Replace("}}", "}," + member + "}", StringComparison.Ordinal));
        var general = MessageReader.TryReadKpiReport(payload, out _, out var errors);

        Assert.False(Read(payload, out _), $"taken; the general reader says: {ContractError.Join(errors)}");
        Assert.False(general, "the case must be one the general reader refuses too");
    }

    [Fact]
    public void Shortest_texts_are_copied_exactly_when_they_are_what_R_writes()
    {
        var random = new Random(20261201);
        var kpis = new Dictionary<string, double>();
        for (var i = 0; i < 60; i++)
        {
            var digits = random.Next(1, 16);
            var value = Math.Round(random.NextDouble() * Math.Pow(10, random.Next(-6, 17)), digits) * (random.Next(2) == 0 ? -1 : 1);
            kpis[$"k{i}"] = value;
        }

        var json = "{\"v\":1,\"site\":\"s\",\"device\":\"d\",\"scenario\":\"x\",\"seq\":1,\"windowStart\":\"2026-11-22T08:00:00Z\","
            + "\"windowEnd\":\"2026-11-22T08:00:10Z\",\"kpis\":{" + string.Join(",", kpis.Select(k => $"\"{k.Key}\":{Spelled(k.Value, random)}")) + "}}";
        Assert.True(Read(Encoding.UTF8.GetBytes(json), out var read));

        for (var i = 0; i < read.KpiCount; i++)
        {
            Assert.Equal(read.KpiValue(i).ToString("R", CultureInfo.InvariantCulture), Text(read.KpiValueText(i)));
        }
    }

    private const string Sha = "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc";

    private const string Plain = "{\"v\":1,\"site\":\"s\",\"device\":\"d\",\"scenario\":\"x\",\"seq\":1,\"windowStart\":\"2026-11-22T08:00:00Z\",\"windowEnd\":\"2026-11-22T08:00:10Z\",\"kpis\":{\"a\":1}}";

    // The same number in the spellings a JSON writer might choose: shortest, with exponent, with trailing zeros.
    private static string Spelled(double value, Random random) => random.Next(4) switch
    {
        0 => value.ToString("E10", CultureInfo.InvariantCulture),
        1 => value.ToString("F3", CultureInfo.InvariantCulture),
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static KpiReport Signed(DeviceSigner signer) => signer.Sign(new KpiReport
    {
        V = 1,
        Site = "tianhe-01",
        Device = "cam-01",
        Scenario = "traffic-tianhe-flow",
        Seq = 12,
        WindowStart = new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero).AddTicks(1234567),
        WindowEnd = new DateTimeOffset(2026, 11, 22, 8, 0, 10, TimeSpan.Zero),
        Kpis = new Dictionary<string, double> { ["vehicle_count"] = 3, ["mean_speed_kmh"] = 41.5, ["ratio"] = 1 / 3.0, ["tiny"] = 5e-324, ["huge"] = 1.7976931348623157e308, ["zero"] = -0.0 },
        Model = new ModelInfo("traffic-detector", "1.2.0", Sha),
        Prev = ChainHash.Genesis,
    });

    private bool Read(byte[] payload, out Utf8KpiReport report) =>
        Utf8KpiReport.TryRead(payload, _kpis, new byte[Utf8KpiReport.ScratchLength(payload.Length)], out report);

    private static string Text(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);
}
