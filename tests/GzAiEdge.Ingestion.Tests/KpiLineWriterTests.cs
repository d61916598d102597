using System.Buffers;
using System.Text;
using System.Text.Json;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Ingestion;
using GzAiEdge.Ingestion.Tests.Support;
using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.TimeSeries;

namespace GzAiEdge.Ingestion.Tests;

/// <summary>The hot path must write exactly what the general path writes, or leave the report to it.</summary>
public class KpiLineWriterTests
{
    private const string Topic = "gz/v1/tianhe-01/cam-01/kpi";
    private static readonly ScenarioCatalogue Catalogue = SampleReports.Catalogue();

    private readonly KpiLineWriter _fast = SampleReports.Writer(Catalogue);
    private readonly MessageMapper _general = SampleReports.Mapper(Catalogue);

    public static TheoryData<string> Values => new() { "0.1", "5E-324", "1.7976931348623157E+308", "-0", "0", "3", "41.5", "1E+21", "-2.5E-07", "0.0001", "123456789012345" };

    [Theory]
    [MemberData(nameof(Values))]
    public void Signed_reports_with_a_model_are_written_as_the_general_path_writes_them(string value)
    {
        using var signer = DeviceSigner.Create();
        var report = signer.Sign(Report(double.Parse(value, System.Globalization.CultureInfo.InvariantCulture)) with
        {
            Model = new ModelInfo("traffic-detector", "1.2.0", new string('c', 64)),
            Prev = ChainHash.Genesis,
        });

        AssertSameLine(JsonSerializer.SerializeToUtf8Bytes(report, GzJsonContext.Default.KpiReport));
    }

    [Fact]
    public void An_unsigned_report_without_a_model_is_written_as_the_general_path_writes_it() =>
        AssertSameLine(JsonSerializer.SerializeToUtf8Bytes(Report(7), GzJsonContext.Default.KpiReport));

    [Theory]
    [InlineData("{\"v\":1,\"site\":\"tianhe-01\",\"device\":\"cam-01\",\"scenario\":\"traffic-tianhe-flow\",\"seq\":7, \n\t\"windowStart\" : \"2026-11-22T08:00:00.5Z\",\"windowEnd\":\"2026-11-22T08:00:10.1234567Z\",\"kpis\":{\"b\":1.50,\"a\":2e3}}")]
    [InlineData("{\"kpis\":{\"z\":1,\"y\":-0.0},\"windowEnd\":\"2026-11-22T08:00:10Z\",\"windowStart\":\"2026-11-22T08:00:00Z\",\"seq\":1,\"scenario\":\"traffic-tianhe-flow\",\"device\":\"cam-01\",\"site\":\"tianhe-01\",\"v\":1}")]
    [InlineData("{\"v\":1,\"site\":\"tianhe\\u002D01\",\"device\":\"cam\\u002d01\",\"scenario\":\"traffic-tianhe-flow\",\"seq\":7,\"windowStart\":\"2026-11-22T08:00:00Z\",\"windowEnd\":\"2026-11-22T08:00:10Z\",\"kpis\":{\"a\":1},\"model\":{\"name\":\"a\\/b\",\"version\":\"1\",\"sha256\":\"cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc\"}}")]
    public void Unusual_but_plain_spellings_are_written_as_the_general_path_writes_them(string payload) =>
        AssertSameLine(Encoding.UTF8.GetBytes(payload));

    [Theory]
    [InlineData("\"site\":\"tianhe-01\"", "\"site\":\"tianhe\\u005C01\"")]          // an escaped backslash
    [InlineData("\"site\":\"tianhe-01\"", "\"site\":\"tianhe\\u002d01\\n\"")]      // an escape of a control character
    [InlineData("\"kpis\":{", "\"kpis\":{\"vehicle_count\":1,")]                      // a repeated KPI
    [InlineData("\"seq\":7", "\"seq\":7,\"seq\":8")]                                   // a repeated member
    [InlineData("\"2026-11-22T08:00:00+00:00\"", "\"2026-11-22T16:00:00+08:00\"")]   // another offset
    [InlineData("\"2026-11-22T08:00:00+00:00\"", "\"2026-11-22T08:00:00.12345678Z\"")] // eight fraction digits
    public void Spellings_the_hot_path_leaves_go_the_general_way(string from, string to)
    {
        var payload = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(Report(3), GzJsonContext.Default.KpiReport))
            .Replace(from, to, StringComparison.Ordinal));
        var output = new ArrayBufferWriter<byte>();

        Assert.False(_fast.TryWrite(Topic, payload, output));
        Assert.Equal(0, output.WrittenCount);
    }

    [Fact]
    public void Whatever_the_hot_path_takes_from_mutated_payloads_the_general_path_stores_identically()
    {
        using var signer = DeviceSigner.Create();
        var valid = JsonSerializer.SerializeToUtf8Bytes(signer.Sign(Report(41.5) with
        {
            Model = new ModelInfo("traffic-detector", "1.2.0", new string('c', 64)),
            Prev = ChainHash.Genesis,
        }), GzJsonContext.Default.KpiReport);
        var random = new Random(20261201);
        var taken = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var payload = Mutate(valid, random);
            var output = new ArrayBufferWriter<byte>();
            if (_fast.TryWrite(Topic, payload, output))
            {
                taken++;
                Assert.Equal(General(payload), Encoding.UTF8.GetString(output.WrittenSpan));
            }
            else
            {
                Assert.Equal(0, output.WrittenCount);
            }
        }

        Assert.True(taken > 100, $"only {taken} mutations were taken by the hot path");
    }

    private void AssertSameLine(byte[] payload)
    {
        var output = new ArrayBufferWriter<byte>();
        Assert.True(_fast.TryWrite(Topic, payload, output), "the hot path left a plain report");
        Assert.Equal(General(payload), Encoding.UTF8.GetString(output.WrittenSpan));
    }

    private string General(byte[] payload)
    {
        var mapped = _general.Map(Topic, payload);
        Assert.True(mapped.Point is not null, $"the general path rejected what the hot path took: {mapped.DeadLetterReason}");
        var output = new ArrayBufferWriter<byte>();
        new LineProtocolWriter(output).Write(mapped.Point);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    private static KpiReport Report(double value) =>
        SampleReports.Report(new Dictionary<string, double> { ["vehicle_count"] = value, ["mean_speed_kmh"] = 41.5, ["a_ratio"] = 1 / 3.0 });

    // Digit swaps and small edits keep many payloads valid (other values, other hashes); the rest must be left alone.
    private static byte[] Mutate(byte[] valid, Random random)
    {
        var bytes = new List<byte>(valid);
        for (var n = random.Next(1, 3); n > 0 && bytes.Count > 0; n--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0: bytes[at] = (byte)random.Next(32, 127); break;
                case 1: bytes.Insert(at, " .-+eE0\\\"{}:,"u8[random.Next(13)]); break;
                case 2: bytes.RemoveAt(at); break;
                default: bytes[at] = bytes[at] is >= (byte)'0' and <= (byte)'9' ? (byte)random.Next('0', '9' + 1) : bytes[at]; break;
            }
        }

        return [.. bytes];
    }
}
