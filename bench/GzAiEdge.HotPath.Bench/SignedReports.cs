using System.Text.Json;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;

namespace GzAiEdge.HotPath.Bench;

/// <summary>
/// Realistic KPI reports as a traffic camera sends them: signed and chained, ten KPIs of an
/// inference pipeline (docs/kpis.md), the model's name, version and SHA-256. About 800 bytes each.
/// </summary>
public static class SignedReports
{
    public const string Site = "tianhe-01";
    public const string Scenario = "traffic-tianhe-flow";
    private const string ModelSha256 = "3f1d2c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff001";
    // Inside ingestion's acceptance horizon (35 days back by default), with room for a few runs of a day each.
    private static readonly DateTimeOffset Start = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(-30);

    public static string Device(int index) => $"cam-{index:0000}";

    /// <summary>The catalogue listings of devices 0 to <paramref name="count"/> - 1: ingestion takes reports only from listed devices.</summary>
    public static IEnumerable<(string Scenario, string Site, string Device)> Listings(int count) =>
        Enumerable.Range(0, count).Select(d => (Scenario, Site, Device(d)));

    public static string Topic(int device) => $"gz/v1/{Site}/{Device(device)}/kpi";

    /// <summary>One device's chain of <paramref name="count"/> reports, seq 1.., windows of 10 s from <paramref name="runOffset"/> days after the start.</summary>
    public static List<byte[]> Chain(DeviceSigner signer, int device, int count, int runOffset = 0)
    {
        var payloads = new List<byte[]>(count);
        var prev = ChainHash.Genesis;
        var start = Start.AddDays(runOffset);
        for (var seq = 1; seq <= count; seq++)
        {
            var report = signer.Sign(Report(device, seq, start, prev));
            prev = ChainHash.Of(report);
            payloads.Add(JsonSerializer.SerializeToUtf8Bytes(report, GzJsonContext.Default.KpiReport));
        }

        return payloads;
    }

    /// <summary>One signed report of device <paramref name="device"/> as its JSON payload.</summary>
    public static byte[] Payload(int device)
    {
        using var signer = DeviceSigner.Create();
        return Chain(signer, device, 1)[0];
    }

    /// <summary>An unsigned report with the same shape (the signing fields are added by <see cref="DeviceSigner.Sign(KpiReport)"/>).</summary>
    public static KpiReport Report(int device, long seq, DateTimeOffset start, string prev)
    {
        var frames = 50 + (seq % 11);
        return new KpiReport
        {
            V = 1,
            Site = Site,
            Device = Device(device),
            Scenario = Scenario,
            Seq = seq,
            WindowStart = start.AddSeconds(10 * (seq - 1)),
            WindowEnd = start.AddSeconds(10 * seq),
            Kpis = new Dictionary<string, double>
            {
                ["samples"] = frames,
                ["inference_p50_ms"] = 11.25 + (seq % 7 * 0.137),
                ["inference_p95_ms"] = 17.5 + (seq % 5 * 0.311),
                ["inference_p99_ms"] = 23.0625 + (seq % 3 * 0.7),
                ["inferences_per_s"] = frames / 10.0,
                ["vehicle_count"] = seq % 7,
                ["vehicle_flow_per_hour"] = seq % 7 * 360,
                ["pedestrian_count"] = seq % 13,
                ["mean_vehicles_per_frame"] = (seq % 7) / (double)frames,
                ["max_vehicles_per_frame"] = seq % 9,
            },
            Model = new ModelInfo("traffic-detector", "1.2.0", ModelSha256),
            Prev = prev,
        };
    }
}
