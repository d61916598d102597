using GzAiEdge.Contracts.Messages;
using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.EdgeRuntime.Pipeline;
using GzAiEdge.EdgeRuntime.Pipeline.Inference;
using GzAiEdge.EdgeRuntime.Simulation;
using GzAiEdge.Inference;
using GzAiEdge.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime.Tests.Configuration;

public class PipelineConfigurationTests
{
    [Fact]
    public void A_replay_device_config_builds_its_model_pipeline_with_the_model_identity()
    {
        using var folder = new TempFolder();
        var path = DeviceConfig.Write(folder, $"""
            source:
              kind: replay
              path: {RepoPaths.Combine("models", "replay", "vitals")}
              labelled: true
            pipeline:
              kind: vitals-classification
              model: {RepoPaths.Combine("models", "vitals-classifier.onnx")}
              modelVersion: "7"
            inference:
              intraOpThreads: 1
              executionProviders: [cuda, cpu]
            """);
        using var services = DeviceConfig.Build(path);

        var source = services.GetRequiredService<PipelineHost>().Current;

        Assert.IsType<VitalsClassificationPipeline>(source);
        Assert.Equal(new ModelInfo("vitals-classifier", "7", Sha256("vitals-classifier")), source.Model);
        Assert.Contains(source.Kpis, k => k.Name == "time_to_alert_s");
        Assert.Equal(["cuda", "cpu"], services.GetRequiredService<IOptions<InferenceOptions>>().Value.ExecutionProviders);
    }

    [Fact]
    public void A_simulated_device_still_gets_its_simulation_and_no_model()
    {
        using var folder = new TempFolder();
        using var services = DeviceConfig.Build(DeviceConfig.Write(folder, "source:\n  kind: simulated\n  profile: traffic\n"));

        var source = services.GetRequiredService<PipelineHost>().Current;

        Assert.IsType<TrafficSimulation>(source);
        Assert.Null(source.Model);
    }

    [Fact]
    public void Bad_pipeline_values_name_file_line_and_key()
    {
        using var folder = new TempFolder();
        var path = DeviceConfig.Write(folder, """
            source:
              kind: replay
              path: no/such/replay
            pipeline:
              kind: crowd-counting
              model: no-such-model.onnx
              scoreThreshold: 1.5
            inference:
              executionProviders: [npu]
            """);
        using var services = DeviceConfig.Build(path);

        var source = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SourceOptions>>().Value);
        var pipeline = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<PipelineOptions>>().Value);
        var inference = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<InferenceOptions>>().Value);

        Assert.Contains(source.Failures, f => f.StartsWith($"{path}:3 (Source:Path): 'no/such/replay' is not a replay folder", StringComparison.Ordinal));
        Assert.Contains(pipeline.Failures, f => f.StartsWith($"{path}:5 (Pipeline:Kind): 'crowd-counting' is not one of traffic-detection", StringComparison.Ordinal));
        Assert.Contains(pipeline.Failures, f => f.StartsWith($"{path}:6 (Pipeline:Model): model file 'no-such-model.onnx' not found", StringComparison.Ordinal));
        Assert.Contains($"{path}:7 (Pipeline:ScoreThreshold): 1.5 is outside 0 < value < 1", pipeline.Failures);
        Assert.Contains($"{path}:9 (Inference:ExecutionProviders:0): 'npu' is not tensorrt, cuda or cpu", inference.Failures);
    }

    [Fact]
    public void A_model_that_does_not_fit_the_pipeline_is_named_with_the_config_line()
    {
        using var folder = new TempFolder();
        var path = DeviceConfig.Write(folder, $"""
            source:
              kind: replay
              path: {RepoPaths.Combine("models", "replay", "traffic")}
            pipeline:
              kind: traffic-detection
              model: {RepoPaths.Combine("models", "tiny-add.onnx")}
            """);
        using var services = DeviceConfig.Build(path);

        var ex = Assert.Throws<InvalidDataException>(() => services.GetRequiredService<PipelineHost>().Current);

        Assert.StartsWith($"{path}:5 (Pipeline:Kind): model 'tiny-add' takes x float32[1,16]; an image pipeline needs one float32[1,3,H,W] input", ex.Message);
    }


    private static string Sha256(string model) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(RepoPaths.Combine("models", $"{model}.onnx"))));
}
