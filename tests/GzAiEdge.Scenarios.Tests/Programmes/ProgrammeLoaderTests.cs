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
        Assert.True(typesPerSector[Sector.City] >= 2 && typesPerSector[Sector.Energy] >= 1);

        // The city's five domains: 综合交通, 智能制造, 生命健康, 能源环保, 社会民生和城市治理.
        Assert.Equal(Enum.GetValues<Sector>().Order(), programme.Catalogue.All.Select(s => s.Sector).Distinct().Order());
        foreach (var id in new[] { "traffic-tianhe-flow", "mfg-huangpu-inspection", "med-yuexiu-vitals" })
        {
            Assert.True(programme.Catalogue.TryGet(id, out _), id);
        }

        Assert.True(programme.Catalogue.TryGet("traffic-haizhu-signal-03", out var overridden));
        var uptime = Assert.Single(programme.RubricFor(overridden), k => k.Key == "uptime");
        Assert.Equal((0.95, 0.995), (uptime.Threshold, uptime.Target));
        Assert.StartsWith("this scenario: fixed-time fallback", uptime.Reasons!.Target, StringComparison.Ordinal);
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
                  audit_detection_ap50: {weight: 30}
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
                  uptime: {threshold: 0.999}
              - id: s-4
                sector: traffic
                type: traffic-detection-accuracy
                name: {zh: 丁, en: D}
                sites: [{site: a-4, devices: [cam-01]}]
                period: {from: 2026-03-01, to: 2026-03-31}
                kpis:
                  audit_detection_ap50: {weight: 0}
                  inference_p95_ms: {target: 60, reason: "a slower board than the type assumes"}
            """);

        var ex = Assert.Throws<CatalogueException>(() => ProgrammeLoader.Load(catalogue, Types));

        Assert.Equal(
            [
                $"{catalogue}:9: scenario 's-1': KPI 'defect_rate' is not in type 'traffic-flow' (it has audit_detection_recall, audit_detection_precision, audit_detection_ap50, inference_p95_ms, input_processed_share, uptime, completeness, verified_share)",
                $"{catalogue}:2: scenario 's-1': KPI weights with this scenario's overrides sum to 115, they must sum to 100",
                $"{catalogue}:11: scenario 's-2': unknown type 'bus-lanes' (known: crowd-monitoring, deterioration-early-warning, energy-load-forecasting, inspection-accuracy, public-space-safety, signal-timing-optimisation, traffic-detection-accuracy, traffic-flow, vibration-anomaly-monitoring, visual-inspection, vital-signs-monitoring, ward-triage-assist)",
                $"{catalogue}:17: scenario 's-3': missing 'sites' (the sites and devices whose reports count)",
                $"{catalogue}:17: scenario 's-3': missing 'period' {{from, to}}",
                $"{catalogue}:17: scenario 's-3': sector 'city' differs from type 'traffic-flow' sector 'traffic'",
                $"{catalogue}:22: scenario 's-3': KPI 'uptime': higher is better, so target (0.99) must be above threshold (0.999)",
                $"{catalogue}:22: scenario 's-3': KPI 'uptime': a scenario's own threshold or target needs a 'reason' (one line: why it differs from type 'traffic-flow')",
                $"{catalogue}:23: scenario 's-4': KPI weights with this scenario's overrides sum to 70, they must sum to 100",
            ],
            ex.Message.Split(Environment.NewLine));
    }

    [Fact]
    public void A_scenario_cannot_give_weight_to_a_KPI_its_type_only_shows()
    {
        using var folder = new TempFolder("gz-programme");
        var types = Directory.CreateDirectory(folder.File("types")).FullName;
        File.WriteAllText(Path.Combine(types, "counting.yaml"), """
            id: counting
            sector: traffic
            name: {zh: 计数, en: Counting}
            pipeline: traffic-detection
            requirement: {inputsPerSecond: 5, inferenceP95Ms: 100, reason: "5 fps"}
            kpis:
              - key: uptime
                label: {zh: 在线, en: Uptime}
                direction: higher
                threshold: 0.9
                target: 0.99
                weight: 100
                reason: {threshold: a, target: b}
              - key: vehicle_count
                label: {zh: 车, en: Cars}
                aggregation: sum
                direction: higher
                threshold: 1
                target: 2
                weight: 0
                reason: {threshold: shown, target: shown}
            gates: {reports: 1}
            """);
        var catalogue = folder.File("catalogue.yaml");
        File.WriteAllText(catalogue, """
            scenarios:
              - id: s-1
                sector: traffic
                type: counting
                name: {zh: 甲, en: A}
                sites: [{site: a-1, devices: [cam-01]}]
                period: {from: 2026-03-01, to: 2026-03-31}
                kpis:
                  uptime: {weight: 50}
                  vehicle_count: {weight: 50}
            """);

        var ex = Assert.Throws<CatalogueException>(() => ProgrammeLoader.Load(catalogue, types));

        Assert.Equal(
            $"{catalogue}:10: scenario 's-1': KPI 'vehicle_count' is a monitoring KPI: it describes the world the device watches, so it may be shown (weight 0) but never scored (EVALUATION.md, rule 1)",
            ex.Message);
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
                  uptime: {target: lots, goal: 1}
            """), "c.yaml"));

        Assert.Equal(
            [
                "c.yaml:7: 'devices' must be a non-empty list of device ids",
                "c.yaml:9: period.to (2026-03-01) must be after period.from (2026-03-31)",
                "c.yaml:11: kpis.uptime: 'goal' is not one of threshold, target, weight, reason",
                "c.yaml:11: 'target' must be a number, not 'lots'",
            ],
            ex.Message.Split(Environment.NewLine));
    }
}
