using GzAiEdge.Monitoring.Alerts;
using GzAiEdge.Scenarios.Kpis;
using GzAiEdge.Scenarios.Types;
using GzAiEdge.Testing;

namespace GzAiEdge.Monitoring.Tests.Alerts;

public sealed class AlertRulesLoaderTests
{
    [Fact]
    public void A_rule_reads_its_side_threshold_windows_and_target()
    {
        var rules = AlertRulesLoader.Parse(new StringReader("types:\n  t:\n    offlineSeconds: 30\n    completenessBelow: 0.9\n    kpis:\n      - { kpi: defect_rate, above: 0.08, windows: 3, target: 0.02 }\n"), "rules.yaml");

        var type = rules.For("t")!;
        Assert.Equal(TimeSpan.FromSeconds(30), type.Offline);
        Assert.Equal(0.9, type.CompletenessBelow);
        var rule = Assert.Single(type.Kpis);
        Assert.Equal(new KpiAlertRule("t/defect_rate/above", "defect_rate", AlertDirection.Above, 0.08, 3, 0.02), rule);
        Assert.True(rule.IsBreachedBy(0.081));
        Assert.False(rule.IsBreachedBy(0.08));
    }

    [Fact]
    public void Every_mistake_is_listed_with_its_line()
    {
        const string Yaml = "types:\n  t:\n    offlineSecs: 30\n    completenessBelow: 2\n    kpis:\n      - kpi: defect_rate\n        above: 1\n        below: 2\n      - kpi: spo2_mean\n        above: x\n        windows: 1.5\n      - kpi: queue_length\n        above: 3\n";

        var error = Assert.Throws<AlertRulesException>(() => AlertRulesLoader.Parse(new StringReader(Yaml), "r.yaml"));

        Assert.Equal(
            [
                "r.yaml:3: unknown key 'offlineSecs' in type 't'; expected offlineSeconds, completenessBelow, kpis",
                "r.yaml:4: 'completenessBelow' = 2: must be within 0.01..1",
                "r.yaml:6: give exactly one of 'above' or 'below' (the threshold and which side of it is bad)",
                "r.yaml:10: 'above' must be a number",
                "r.yaml:9: give exactly one of 'above' or 'below' (the threshold and which side of it is bad)",
                "r.yaml:12: kpi 'queue_length' is not in the KPI catalogue (docs/kpis.md)",
            ],
            error.Message.Split(Environment.NewLine));
    }

    [Fact]
    public void The_shipped_rules_load_and_name_only_keys_of_the_KPI_catalogue()
    {
        var rules = AlertRulesLoader.Load(RepoPaths.Combine("firmware-configs", "alerts", "rules.yaml"));

        Assert.NotEmpty(rules.All);
        Assert.All(rules.All.SelectMany(t => t.Kpis), rule => Assert.NotNull(KpiCatalogue.Find(rule.Kpi)));
    }

    [Fact]
    public void The_shipped_rules_draw_targets_only_for_KPIs_the_rubric_scores_and_equal_to_its_targets()
    {
        // Charts take their target line from the alert rules; a scenario type's rubric holds the
        // same number for scoring. Both are hand-kept, so this keeps them equal.
        var rules = AlertRulesLoader.Load(RepoPaths.Combine("firmware-configs", "alerts", "rules.yaml"));
        var types = ScenarioTypeLoader.LoadFolder(RepoPaths.Combine("firmware-configs", "scenarios", "types")).ToDictionary(t => t.Id);

        var compared = 0;
        foreach (var type in rules.All)
        {
            foreach (var rule in type.Kpis.Where(r => r.Target is not null))
            {
                // A target line on a KPI the rubric does not score would give the world a goal.
                var rubric = types[type.Type].Kpis.FirstOrDefault(k => k.Key == rule.Kpi && k.Weight > 0);
                Assert.True(rubric is not null, $"{type.Type}/{rule.Kpi}: a chart target for a KPI the rubric does not score");
                Assert.True(rubric.Target == rule.Target, $"{type.Type}/{rule.Kpi}: chart target {rule.Target}, rubric target {rubric.Target}");
                compared++;
            }
        }

        Assert.True(compared >= 3, $"only {compared} targets compared");
    }
}
