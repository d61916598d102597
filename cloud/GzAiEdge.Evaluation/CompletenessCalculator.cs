using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.TimeSeries;

namespace GzAiEdge.Evaluation;

/// <summary>
/// Completeness from the stored <c>seq</c> (ARCHITECTURE.md, Delivery guarantee): a device numbers its
/// reports 1, 2, 3 … without gaps, so over a period it sent last − first + 1 and every missing seq is a
/// lost report. Per bucket, the expected count is how far the last seq advanced since the previous
/// bucket with reports, so a gap is charged to the bucket where the device resumed.
/// </summary>
internal static class CompletenessCalculator
{
    public static DeviceCompleteness For(ScenarioSite site, string device, InfluxSeries? totals, IEnumerable<InfluxSeries> buckets, int bucketCount, double? verifiedShare)
    {
        if (totals is null || totals.Values.Count == 0 || Long(totals.Value(0, "n")) == 0)
        {
            return new DeviceCompleteness(site.Site, device, 0, 0, null, null, 0, verifiedShare, []);
        }

        var received = Long(totals.Value(0, "n"));
        var first = Long(totals.Value(0, "first"));
        var last = Long(totals.Value(0, "last"));
        var windows = new List<WindowCompleteness>();
        var previous = first - 1;
        foreach (var series in buckets)
        {
            for (var row = 0; row < series.Values.Count; row++)
            {
                var bucketLast = Long(series.Value(row, "last"));
                windows.Add(new WindowCompleteness(LinePoint.FromUnixNanoseconds(Long(series.Value(row, "time"))), Long(series.Value(row, "n")), bucketLast - previous));
                previous = bucketLast;
            }
        }

        windows.Sort((a, b) => a.Start.CompareTo(b.Start));
        var uptime = bucketCount == 0 ? 0 : Math.Min(1, (double)windows.Count / bucketCount);
        return new DeviceCompleteness(site.Site, device, received, last - first + 1, first, last, uptime, verifiedShare, windows);
    }

    private static long Long(System.Text.Json.JsonElement cell) =>
        cell.ValueKind == System.Text.Json.JsonValueKind.Number ? (long)cell.GetDouble() : 0;
}
