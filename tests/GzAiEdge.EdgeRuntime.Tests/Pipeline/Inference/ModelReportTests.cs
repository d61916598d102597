using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Validation;
using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.EdgeRuntime.Pipeline;
using GzAiEdge.EdgeRuntime.Pipeline.Inference;
using GzAiEdge.EdgeRuntime.Publishing;
using GzAiEdge.Inference;
using GzAiEdge.Testing;
using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime.Tests.Pipeline.Inference;

public class ModelReportTests
{
    [Fact]
    public void A_report_from_a_model_pipeline_carries_the_models_name_version_and_sha256_and_is_valid()
    {
        using var session = InferenceSession.Open(OnnxRuntime.Load(), RepoPaths.Combine("models", "tiny-add.onnx"), new InferenceOptions());
        using var runner = new ModelRunner(session, new PipelineOptions());
        var edge = new EdgeOptions { Site = "tianhe-01", Device = "cam-01", Scenario = "traffic-tianhe-flow" };
        var builder = new ReportBuilder(Options.Create(edge));
        var start = new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);
        var window = new KpiWindow(ModelRunner.LatencyKpis, start, TimeSpan.FromSeconds(5), ModelRunner.LatencySample);
        var samples = new List<Sample>();
        runner.Run(start, samples);
        samples.ForEach(window.Add);

        var report = builder.Build(window, runner.Model);

        // tiny-add.onnx sets no model_version: reported as 0.
        Assert.Equal(new ModelInfo("tiny-add", "0", session.Sha256), report.Model);
        // The outbox numbers the report when it stores it (seq 0 until then).
        Assert.Empty(KpiReportValidator.Validate(report with { Seq = 1 }));
        Assert.Equal(1, report.Kpis[KpiWindow.SamplesKpi]);
        Assert.True(report.Kpis["inference_p50_ms"] > 0);
    }
}
