using System.Buffers;
using System.Text.Json;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Ingestion;
using GzAiEdge.Ingestion.Quota;
using GzAiEdge.Ingestion.Tests.Support;
using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.Testing;
using GzAiEdge.TimeSeries;

namespace GzAiEdge.Ingestion.Tests;

/// <summary>A stored KPI report costs no managed allocation once warm: quota, parse, validate, hash and line protocol.</summary>
public class HotPathAllocationTests
{
    private static readonly ScenarioCatalogue Catalogue = SampleReports.Catalogue();

    [Fact]
    public void A_signed_report_becomes_its_line_without_allocating()
    {
        using var signer = DeviceSigner.Create();
        var payload = JsonSerializer.SerializeToUtf8Bytes(signer.Sign(SampleReports.Report(Enumerable.Range(0, 10).ToDictionary(i => $"kpi_{i}", i => i / 7.0)) with
        {
            Model = new ModelInfo("traffic-detector", "1.2.0", new string('c', 64)),
            Prev = ChainHash.Genesis,
        }), GzJsonContext.Default.KpiReport);
        var writer = SampleReports.Writer(Catalogue);
        var output = new ArrayBufferWriter<byte>(1 << 16);

        // As BatchEncoder runs it: the device's quota first (a rate no test loop reaches), then the line.
        var quota = new DeviceQuota(new QuotaOptions { MessagesPerSecond = 1_000_000, Burst = 1_000_000 }, TimeProvider.System);
        void Once()
        {
            output.ResetWrittenCount();
            if (quota.Check("gz/v1/tianhe-01/cam-01/kpi", payload.Length) != QuotaVerdict.Allowed)
            {
                throw new InvalidOperationException("the quota refused the report");
            }

            if (!writer.TryWrite("gz/v1/tianhe-01/cam-01/kpi", payload, output))
            {
                throw new InvalidOperationException("the hot path left the report");
            }
        }

        Assert.Equal(0, Allocations.Of(Once));
    }

    [Fact]
    public void The_line_protocol_writer_writes_a_ready_point_without_allocating()
    {
        var point = new LinePoint("kpi", [new("site", "tianhe-01"), new("device", "cam-01"), new("scenario", "s")],
            [new("seq", 7), new("hash", new string('a', 64)), new("vehicle_count", 0.1), new("speed", -0.0)], 1_700_000_000_000_000_000);
        var output = new ArrayBufferWriter<byte>(1 << 16);
        var writer = new LineProtocolWriter(output);
        void Once()
        {
            output.ResetWrittenCount();
            writer.Write(point);
        }

        Assert.Equal(0, Allocations.Of(Once));
    }
}
