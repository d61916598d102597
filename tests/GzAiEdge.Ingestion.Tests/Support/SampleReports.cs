using GzAiEdge.Contracts.Messages;
using GzAiEdge.Scenarios.Catalogue;

namespace GzAiEdge.Ingestion.Tests.Support;

/// <summary>What the ingestion tests share: one traffic scenario, and a report of it from tianhe-01/cam-01 over a ten-second window.</summary>
internal static class SampleReports
{
    public static ScenarioCatalogue Catalogue() => new([new Scenario("traffic-tianhe-flow", Sector.Traffic, "traffic-flow", "天河", "Tianhe")]);

    /// <summary>Report 7, unsigned and without a model, with <paramref name="kpis"/>.</summary>
    public static KpiReport Report(IReadOnlyDictionary<string, double> kpis) => new()
    {
        V = 1,
        Site = "tianhe-01",
        Device = "cam-01",
        Scenario = "traffic-tianhe-flow",
        Seq = 7,
        WindowStart = new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero),
        WindowEnd = new DateTimeOffset(2026, 11, 22, 8, 0, 10, TimeSpan.Zero),
        Kpis = kpis,
    };
}
