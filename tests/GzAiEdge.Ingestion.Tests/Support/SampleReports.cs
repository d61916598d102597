using GzAiEdge.Contracts.Messages;
using GzAiEdge.Ingestion.Bounds;
using GzAiEdge.Scenarios.Catalogue;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GzAiEdge.Ingestion.Tests.Support;

/// <summary>
/// What the ingestion tests share: one traffic scenario listing tianhe-01/cam-01, a report of it over a ten-second
/// window, and ingestion's clock a few minutes after that window, within the default bounds.
/// </summary>
internal static class SampleReports
{
    /// <summary>Ingestion's time in these tests: five minutes after the sample window ended.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 8, 5, 10, TimeSpan.Zero);

    public static ScenarioCatalogue Catalogue() => new([new Scenario("traffic-tianhe-flow", Sector.Traffic, "traffic-flow", "天河", "Tianhe")
    {
        Sites = [new ScenarioSite("tianhe-01", ["cam-01"])],
    }]);

    /// <summary>The default bounds over <paramref name="catalogue"/>, with ingestion's clock at <paramref name="now"/> (default <see cref="Now"/>).</summary>
    public static ReportBounds Bounds(ScenarioCatalogue catalogue, DateTimeOffset? now = null) =>
        new(catalogue, Options.Create(new ReportBoundsOptions()), new FakeTimeProvider(now ?? Now));

    public static MessageMapper Mapper(ScenarioCatalogue? catalogue = null, DateTimeOffset? now = null)
    {
        catalogue ??= Catalogue();
        return new(catalogue, Bounds(catalogue, now));
    }

    public static KpiLineWriter Writer(ScenarioCatalogue? catalogue = null, DateTimeOffset? now = null)
    {
        catalogue ??= Catalogue();
        return new(catalogue, Bounds(catalogue, now));
    }

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
