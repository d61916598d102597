using System.Reflection;
using GzAiEdge.Contracts.Validation;
using GzAiEdge.Scenarios.Audits;
using GzAiEdge.Scenarios.Kpis;

namespace GzAiEdge.Scenarios.Tests.Kpis;

/// <summary>The catalogue's own rules; what pipelines really emit is checked against it in GzAiEdge.EdgeRuntime.Tests.</summary>
public class KpiCatalogueTests
{
    private static readonly Type[] Groups =
        [typeof(ServiceKpis), typeof(AccuracyKpis), typeof(FieldAccuracyKpis), typeof(DiagnosticKpis), typeof(TrafficKpis), typeof(ManufacturingKpis), typeof(MedicalKpis), typeof(EnvironmentKpis), typeof(LaterTruthKpis), typeof(EnergyKpis)];

    [Fact]
    public void Every_key_is_defined_once_and_can_be_a_field_of_the_stored_KPI_point()
    {
        Assert.Empty(KpiCatalogue.All.GroupBy(k => k.Key).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.All(KpiCatalogue.All, k => Assert.True(KpiReportValidator.IsKpiName(k.Key), $"'{k.Key}' is not a KPI name"));
        Assert.Empty(KpiCatalogue.All.Select(k => k.Key).Intersect(KpiReportValidator.ReservedKpiNames));
        Assert.All(PipelineNames.All, p => Assert.InRange(KpiCatalogue.EmittedBy(p).Count(), 1, KpiReportValidator.MaxKpis));
    }

    [Fact]
    public void Every_definition_of_every_group_is_in_the_catalogue()
    {
        var defined = Groups.SelectMany(g => g.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(KpiDefinition)).Select(f => (KpiDefinition)f.GetValue(null)!).ToList();

        Assert.Equal(defined.Select(k => k.Key).Order(StringComparer.Ordinal), KpiCatalogue.All.Select(k => k.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_key_is_labelled_and_explained_and_names_only_known_pipelines_and_profiles()
    {
        Assert.All(KpiCatalogue.All, k =>
        {
            Assert.False(string.IsNullOrWhiteSpace(k.LabelZh) || string.IsNullOrWhiteSpace(k.LabelEn) || string.IsNullOrWhiteSpace(k.Meaning), k.Key);
            Assert.Subset(PipelineNames.All.ToHashSet(), k.Pipelines.ToHashSet());
            Assert.Subset(PipelineNames.All.ToHashSet(), KpiCatalogue.ComputedFor(k).ToHashSet());
            Assert.Subset(SimulationProfileNames.All.ToHashSet(), k.Simulations.ToHashSet());
            Assert.DoesNotContain('|', k.Meaning);
        });
    }

    [Fact]
    public void A_key_is_emitted_by_a_pipeline_or_simulation_unless_the_platform_computes_it()
    {
        Assert.All(KpiCatalogue.All, k => Assert.True(
            k.ComputedByPlatform ? k.Pipelines.Count == 0 && k.Simulations.Count == 0 && KpiCatalogue.ComputedFor(k).Count > 0 : k.Pipelines.Count + k.Simulations.Count > 0,
            $"{k.Key}: computed by the platform = {k.ComputedByPlatform}, pipelines [{string.Join(", ", k.Pipelines)}], simulations [{string.Join(", ", k.Simulations)}]"));
    }

    [Fact]
    public void Only_an_accuracy_key_names_a_truth_source_and_every_accuracy_key_names_one()
    {
        Assert.All(KpiCatalogue.All, k => Assert.Equal(k.Kind == KpiKind.Accuracy, k.Truth is not null));
    }

    [Fact]
    public void Forecast_accuracy_comes_from_later_truth_in_the_cloud_for_load_forecasting_only()
    {
        var later = KpiCatalogue.All.Where(k => k.Truth == TruthSource.LaterTruth).ToList();

        Assert.Equal(["forecast_cv_rmse", "forecast_nmbe"], later.Select(k => k.Key).Order(StringComparer.Ordinal));
        Assert.All(later, k => Assert.True(k.ComputedByPlatform && k.Kind == KpiKind.Accuracy && k.Pipelines.Count == 0, k.Key));
        Assert.All(PipelineNames.All, p => Assert.Equal(p == PipelineNames.LoadForecasting, later.All(k => KpiCatalogue.Measurable(p, k.Key))));
        Assert.False(AuditedPipelines.IsAudited(PipelineNames.LoadForecasting));
    }

    [Fact]
    public void Every_audit_key_is_computed_in_the_cloud_for_the_pipelines_whose_audits_yield_it_and_no_device_emits_one()
    {
        var audit = KpiCatalogue.All.Where(k => k.Truth == TruthSource.Audit).ToList();

        Assert.Equal(
            ["audit_anomaly_auroc", "audit_anomaly_recall", "audit_classification_accuracy", "audit_classification_macro_f1",
             "audit_detection_ap50", "audit_detection_precision", "audit_detection_recall", "audit_time_to_alert_s"],
            audit.Select(k => k.Key).Order(StringComparer.Ordinal));
        Assert.All(audit, k => Assert.True(k.ComputedByPlatform && k.Pipelines.Count == 0 && k.Key.StartsWith("audit_", StringComparison.Ordinal), k.Key));
        Assert.All(AuditedPipelines.All, p => Assert.Contains(audit, k => KpiCatalogue.Measurable(p, k.Key)));
        Assert.DoesNotContain(audit, k => KpiCatalogue.Measurable(PipelineNames.Environment, k.Key) || KpiCatalogue.Measurable(PipelineNames.TrafficLoop, k.Key));
    }

    [Theory]
    [InlineData("audit_detection_ap50", KpiKind.Accuracy)]
    [InlineData("audit_time_to_alert_s", KpiKind.Accuracy)]
    [InlineData("uptime", KpiKind.Service)]
    [InlineData("completeness", KpiKind.Service)]
    [InlineData("verified_share", KpiKind.Service)]
    [InlineData("input_processed_share", KpiKind.Service)]
    [InlineData("vehicle_flow_per_hour", KpiKind.Monitoring)]
    [InlineData("defect_rate", KpiKind.Monitoring)]
    [InlineData("spo2_mean", KpiKind.Monitoring)]
    [InlineData("anomaly_rate", KpiKind.Monitoring)]
    [InlineData("alert_count", KpiKind.Monitoring)]
    [InlineData("temperature_mean_c", KpiKind.Monitoring)]
    [InlineData("detection_precision", KpiKind.Diagnostic)]
    [InlineData("detection_recall", KpiKind.Diagnostic)]
    [InlineData("classification_accuracy", KpiKind.Diagnostic)]
    [InlineData("classification_f1", KpiKind.Diagnostic)]
    [InlineData("anomaly_detection_delay_s", KpiKind.Diagnostic)]
    [InlineData("time_to_alert_s", KpiKind.Diagnostic)]
    [InlineData("inference_p95_ms", KpiKind.Service)]
    [InlineData("inferences_per_s", KpiKind.Service)]
    [InlineData("samples", KpiKind.Service)]
    public void Keys_are_classified_as_the_evaluation_rules_say(string key, KpiKind kind) => Assert.Equal(kind, KpiCatalogue.Find(key)?.Kind);

    [Theory]
    [InlineData("environment", "temperature_mean_c", true)]
    [InlineData("environment", "samples", true)]
    [InlineData("environment", "inference_p95_ms", false)]
    [InlineData("traffic-loop", "occupancy", true)]
    [InlineData("traffic-loop", "pedestrian_count", false)]
    [InlineData("traffic-loop", "inferences_per_s", false)]
    [InlineData("vibration-anomaly", "inference_p95_ms", true)]
    [InlineData("traffic-detection", "mean_speed_kmh", false)]
    [InlineData("traffic-detection", "completeness", false)]
    [InlineData("traffic-detection", "no_such_key", false)]
    [InlineData("traffic-detection", "input_processed_share", true)]
    [InlineData("environment", "input_processed_share", false)]
    [InlineData("traffic-detection", "audit_detection_ap50", false)]
    public void A_pipeline_emits_its_own_keys_and_samples_and_inference_timings_only_when_it_runs_a_model(string pipeline, string key, bool emitted) =>
        Assert.Equal(emitted, KpiCatalogue.Emits(pipeline, key));

    [Theory]
    [InlineData("traffic-detection", "audit_detection_ap50", true)]
    [InlineData("visual-inspection", "audit_detection_ap50", false)]
    [InlineData("vitals-classification", "audit_time_to_alert_s", true)]
    [InlineData("visual-inspection", "audit_classification_macro_f1", true)]
    [InlineData("environment", "uptime", true)]
    [InlineData("traffic-detection", "completeness", true)]
    [InlineData("traffic-detection", "inference_p95_ms", true)]
    [InlineData("traffic-detection", "mean_speed_kmh", false)]
    [InlineData("traffic-detection", "no_such_key", false)]
    public void A_type_on_a_pipeline_can_measure_what_the_pipeline_emits_and_what_the_cloud_computes_for_it(string pipeline, string key, bool measurable) =>
        Assert.Equal(measurable, KpiCatalogue.Measurable(pipeline, key));
}
