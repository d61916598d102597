using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.Scenarios.Programmes;
using GzAiEdge.Testing;

namespace GzAiEdge.Scenarios.Tests.Programmes;

public class ProgrammeLoaderTests
{
    private static readonly string Types = RepoPaths.Combine("firmware-configs", "scenarios", "types");

    [Fact]
    public void The_shipped_sample_programme_has_100_scenarios_over_types_for_every_sector()
    {
        var programme = ProgrammeLoader.Load(RepoPaths.Combine("firmware-configs", "scenarios", "catalogue.yaml"), Types);

        Assert.Equal(100, programme.Catalogue.All.Count);
        var typesPerSector = programme.Types.GroupBy(t => t.Sector).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(typesPerSector[Sector.Traffic] >= 3 && typesPerSector[Sector.Manufacturing] >= 3 && typesPerSector[Sector.Medical] >= 3);
        Assert.True(typesPerSector[Sector.City] >= 2);
        foreach (var id in new[] { "traffic-tianhe-flow", "mfg-huangpu-inspection", "med-yuexiu-vitals" })
        {
            Assert.True(programme.Catalogue.TryGet(id, out _), id);
        }

        Assert.True(programme.Catalogue.TryGet("traffic-haizhu-signal-03", out var overridden));
        var queue = Assert.Single(programme.RubricFor(overridden), k => k.Key == "mean_vehicles_per_frame");
        Assert.Equal((15, 5), (queue.Threshold, queue.Target));
        Assert.Matches("^sha256:[0-9a-f]{16}$", programme.CatalogueVersion);
        Assert.Matches("^sha256:[0-9a-f]{16}$", programme.RubricVersion);
    }

    [Fact]
    public void Without_a_type_folder_the_types_folder_beside_the_catalogue_is_used()
    {
        Assert.Equal(Path.GetFullPath(Types), ProgrammeLoader.DefaultTypesFolder(RepoPaths.Combine("firmware-configs", "scenarios", "catalogue.yaml")));
    }

    [Fact]
    public void Catalogue_mistakes_against_the_types_are_reported_with_file_and_line()
    {
        using var folder = new TempFolder("gz-programme");
        var catalogue = folder.File("catalogue.yaml");
        File.WriteAllText(catalogue, """
            scenarios:
              - id: s-1
                sector: traffic
                type: traffic-flow
                name: {zh: 甲, en: A}
                sites: [{site: a-1, devices: [cam-01]}]
                period: {from: 2026-03-01, to: 2026-03-31}
                kpis:
                  defect_rate: {target: 0.01}
                  vehicle_count: {weight: 30}
              - id: s-2
                sector: medical
                type: bus-lanes
                name: {zh: 乙, en: B}
                sites: [{site: a-2, devices: [cam-01]}]
                period: {from: 2026-03-01, to: 2026-03-31}
              - id: s-3
                sector: city
                type: traffic-flow
                name: {zh: 丙, en: C}
                kpis:
                  pedestrian_count: {threshold: 900}
            """);

        var ex = Assert.Throws<CatalogueException>(() => ProgrammeLoader.Load(catalogue, Types));

        Assert.Equal(
            [
                $"{catalogue}:9: scenario 's-1': KPI 'defect_rate' is not in type 'traffic-flow' (it has vehicle_flow_per_hour, pedestrian_count, vehicle_count)",
                $"{catalogue}:2: scenario 's-1': KPI weights with this scenario's overrides sum to 115, they must sum to 100",
                $"{catalogue}:11: scenario 's-2': unknown type 'bus-lanes' (known: crowd-monitoring, deterioration-early-warning, inspection-accuracy, public-space-safety, signal-timing-optimisation, traffic-detection-accuracy, traffic-flow, vibration-anomaly-monitoring, visual-inspection, vital-signs-monitoring, ward-triage-assist)",
                $"{catalogue}:17: scenario 's-3': missing 'sites' (the sites and devices whose reports count)",
                $"{catalogue}:17: scenario 's-3': missing 'period' {{from, to}}",
                $"{catalogue}:17: scenario 's-3': sector 'city' differs from type 'traffic-flow' sector 'traffic'",
                $"{catalogue}:22: scenario 's-3': KPI 'pedestrian_count': higher is better, so target (600) must be above threshold (900)",
            ],
            ex.Message.Split(Environment.NewLine));
    }

    [Fact]
    public void Structural_catalogue_mistakes_in_the_new_fields_name_their_line()
    {
        var ex = Assert.Throws<CatalogueException>(() => CatalogueLoader.Parse(new StringReader("""
            scenarios:
              - id: s-1
                sector: traffic
                type: traffic-flow
                name: {zh: 甲, en: A}
                sites:
                  - site: a-1
                    devices: []
                period: {from: 2026-03-31, to: 2026-03-01}
                kpis:
                  vehicle_count: {target: lots, goal: 1}
            """), "c.yaml"));

        Assert.Equal(
            [
                "c.yaml:7: 'devices' must be a non-empty list of device ids",
                "c.yaml:9: period.to (2026-03-01) must be after period.from (2026-03-31)",
                "c.yaml:11: kpis.vehicle_count: 'goal' is not one of threshold, target, weight",
                "c.yaml:11: 'target' must be a number, not 'lots'",
            ],
            ex.Message.Split(Environment.NewLine));
    }
}
