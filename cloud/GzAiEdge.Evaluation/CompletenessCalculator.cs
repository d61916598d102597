using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.TimeSeries;

namespace GzAiEdge.Evaluation;

/// <summary>
/// Completeness from the stored <c>seq</c> (ARCHITECTURE.md, Delivery guarantee): a device numbers its
/// reports 1, 2, 3 … without gaps, so over a period it sent last − first + 1 and every missing seq is a
/// lost report. Per bucket, the expected count is how far the last seq advanced since the previous
/// bucket with reports, so a gap is charged to the bucket where the device resumed. Uptime counts the buckets the
/// device was heard from at all, by a heartbeat or a report: a device that ran but whose reports of a bucket were lost
/// was up (completeness charges the loss), one that sent neither was not.
/// </summary>
internal static class CompletenessCalculator
{
    public static DeviceCompleteness For(ScenarioSite site, string device, DeviceReports? totals, IEnumerable<DeviceBucket> buckets,
        IEnumerable<DeviceHeartbeats> heartbeats, int bucketCount, double? verifiedShare)
    {
        var heard = heartbeats.Where(h => h.Count > 0).Select(h => h.Start).ToHashSet();
        if (totals is null || totals.Count == 0)
        {
            return new DeviceCompleteness(site.Site, device, 0, 0, null, null, Uptime(heard, bucketCount), verifiedShare, []);
        }

        var (first, last) = (totals.FirstSeq, totals.LastSeq);
        var windows = new List<WindowCompleteness>();
        var previous = first - 1;
        foreach (var bucket in buckets)
        {
            windows.Add(new WindowCompleteness(bucket.Start, bucket.Count, bucket.LastSeq - previous));
            previous = bucket.LastSeq;
        }

        windows.Sort((a, b) => a.Start.CompareTo(b.Start));
        heard.UnionWith(windows.Select(w => w.Start));
        return new DeviceCompleteness(site.Site, device, totals.Count, last - first + 1, first, last, Uptime(heard, bucketCount), verifiedShare, windows);
    }

    private static double Uptime(HashSet<DateTimeOffset> heard, int bucketCount) => bucketCount == 0 ? 0 : Math.Min(1, (double)heard.Count / bucketCount);
}
