using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.Scenarios.Outcomes;
using GzAiEdge.Scenarios.Programmes;
using GzAiEdge.Scenarios.Types;
using GzAiEdge.Testing;

namespace GzAiEdge.Scenarios.Tests.Programmes;

public class OutcomeDeclarationTests
{
    private static readonly string Types = RepoPaths.Combine("firmware-configs", "scenarios", "types");

    [Fact]
    public void The_sample_catalogue_declares_a_scored_outcome_with_a_period_before_and_a_shown_one_without_a_baseline()
    {
        var programme = ProgrammeLoader.Load(RepoPaths.Combine("firmware-configs", "scenarios", "catalogue.yaml"), Types);

        Assert.True(programme.Catalogue.TryGet("traffic-baiyun-signal-14", out var scored));
        var o = Assert.IsType<OutcomeDeclaration>(scored.Outcome);
        Assert.Equal(("mean_vehicles_per_frame", Direction.Lower, EffectKind.Ratio, 0.0, 0.2, 10.0), (o.Measure, o.Better, o.Effect, o.Threshold, o.Target, o.Weight));
        Assert.Equal(new DemonstrationPeriod(new(2026, 2, 1, 0, 0, 0, TimeSpan.Zero), new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero)), o.Baseline!.Before);
        Assert.Equal(90, programme.RubricFor(scored).Sum(k => k.Weight));

        Assert.True(programme.Catalogue.TryGet("traffic-panyu-signal-25", out var shown));
        Assert.Null(shown.Outcome!.Baseline);
        Assert.Equal(0, shown.Outcome.Weight);
    }

    [Fact]
    public void Outcome_mistakes_are_reported_with_file_and_line()
    {
        using var folder = new TempFolder("gz-outcome");
        var catalogue = folder.File("catalogue.yaml");
        File.WriteAllText(catalogue, """
            scenarios:
              - id: s-1
                sector: traffic
                type: traffic-flow
                name: {zh: 甲, en: A}
                sites: [{site: a-1, devices: [cam-01]}]
                period: {from: 2026-03-01, to: 2026-03-31}
                outcome: {measure: mean_vehicles_per_frame, better: lower, effect: ratio, threshold: 0, target: 0.2, weight: 10}
                kpis:
                  uptime: {weight: 0}
              - id: s-2
                sector: traffic
                type: traffic-flow
                name: {zh: 乙, en: B}
                sites: [{site: a-2, devices: [cam-01]}]
                period: {from: 2026-03-01, to: 2026-03-31}
                outcome:
                  measure: inference_p95_ms
                  better: lower
                  effect: difference
                  baseline: {control: s-9}
                  threshold: 0
                  target: 10
              - id: s-3
                sector: traffic
                type: traffic-flow
                name: {zh: 丙, en: C}
                sites: [{site: a-3, devices: [cam-01]}]
                period: {from: 2026-03-01, to: 2026-03-31}
                outcome:
                  measure: mean_vehicles_per_frame
                  better: shorter
                  effect: ratio
                  baseline: {before: {from: 2026-02-01, to: 2026-03-15}}
                  threshold: 0.2
                  target: 0.1
              - id: s-4
                sector: traffic
                type: traffic-flow
                name: {zh: 丁, en: D}
                sites: [{site: a-4, devices: [cam-01]}]
                period: {from: 2026-03-01, to: 2026-03-31}
                outcome:
                  measure: mean_vehicles_per_frame
                  better: lower
                  effect: ratio
                  baseline: {before: {from: 2026-02-01, to: 2026-02-15}}
                  threshold: 0
                  target: 0.2
            """);

        var ex = Assert.Throws<CatalogueException>(() => ProgrammeLoader.Load(catalogue, Types));

        Assert.Equal(
            [
                $"{catalogue}:32: 'outcome.better' must be one of higher, lower, not 'shorter'",
                $"{catalogue}:31: outcome: target (0.1) must be above threshold (0.2): both are improvements, positive when the measure moved the better way",
            ],
            ex.Message.Split(Environment.NewLine));

        // With the parse errors fixed, the checks against types and catalogue.
        File.WriteAllText(catalogue, File.ReadAllText(catalogue).Replace("better: shorter", "better: lower", StringComparison.Ordinal)
            .Replace("threshold: 0.2\n      target: 0.1", "threshold: 0\n      target: 0.1", StringComparison.Ordinal));
        ex = Assert.Throws<CatalogueException>(() => ProgrammeLoader.Load(catalogue, Types));

        Assert.Equal(
            [
                $"{catalogue}:8: scenario 's-1': outcome: weight 10 needs a baseline (before: {{from, to}} or control: scenario-id); without one the outcome is shown, not scored, so give weight 0",
                $"{catalogue}:18: scenario 's-2': outcome.measure 'inference_p95_ms' is a service KPI; an outcome measure is a monitoring KPI (the change in the world that is the point)",
                $"{catalogue}:18: scenario 's-2': outcome.baseline.control 's-9' is not a scenario of the catalogue",
                $"{catalogue}:31: scenario 's-3': outcome.baseline.before must end by the demonstration's start (2026-03-01), not 2026-03-15",
            ],
            ex.Message.Split(Environment.NewLine));
    }
}
