using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.Scenarios.Types;

namespace GzAiEdge.FleetSimulation.Kpis;

/// <summary>
/// A device's values for the KPIs its scenario's rubric scores. Each device has its own quality per KPI
/// (0.2 to 1.2 of the way from threshold to target, like the evaluation benchmark's generator), and each
/// window varies around it; a KPI the period sums or counts per hour is reported per window, so that the
/// period's aggregate lands where the quality puts it. KPIs the cloud computes (uptime, audit results) are not a
/// device's to report, so they are left out.
/// </summary>
internal sealed class RubricKpis
{
    // Without a period in the catalogue, sums are spread over a month of windows.
    private static readonly TimeSpan DefaultPeriod = TimeSpan.FromDays(30);

    private readonly Entry[] _entries;
    private readonly Random _random;

    public RubricKpis(IReadOnlyList<KpiRubric> rubric, DemonstrationPeriod? period, TimeSpan window, Random random)
    {
        _random = random;
        var windows = Math.Max(1, (period?.Length ?? DefaultPeriod) / window);
        _entries = [.. rubric.Where(k => k.Definition is not { ComputedByPlatform: true })
            .Select(k => new Entry(k, 0.2 + random.NextDouble(), windows, window.TotalSeconds))];
    }

    /// <summary>Sets every scored KPI of the window, replacing what the simulation computed under the same name.</summary>
    public void AddTo(Dictionary<string, double> kpis)
    {
        foreach (var entry in _entries)
        {
            kpis[entry.Kpi.Key] = Math.Round(entry.Value(_random.NextDouble() - 0.5), 6);
        }
    }

    private sealed record Entry(KpiRubric Kpi, double Quality, double PeriodWindows, double WindowSeconds)
    {
        // Shares and rates between 0 and 1 stay there; nothing a device measures is negative.
        private bool IsFraction => Kpi.Threshold is >= 0 and <= 1 && Kpi.Target is >= 0 and <= 1;

        public double Value(double noise)
        {
            var span = Kpi.Target - Kpi.Threshold;
            var level = Kpi.Threshold + (Quality * span) + (noise * 0.2 * Math.Abs(span));
            var value = Kpi.Aggregation switch
            {
                Aggregation.Sum => level / PeriodWindows,
                Aggregation.Rate => level * WindowSeconds / 3600,
                _ => level,
            };
            return IsFraction ? Math.Clamp(value, 0, 1) : Math.Max(0, value);
        }
    }
}
