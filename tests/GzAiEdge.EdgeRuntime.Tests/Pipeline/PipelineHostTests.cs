using GzAiEdge.Contracts.Messages;
using GzAiEdge.Devices.Replay;
using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.EdgeRuntime.Pipeline;
using GzAiEdge.EdgeRuntime.Pipeline.Inference;
using GzAiEdge.Inference;
using GzAiEdge.Testing;

namespace GzAiEdge.EdgeRuntime.Tests.Pipeline;

/// <summary>Replacing the running pipeline: a new model on trial beside the old one, through the real ONNX Runtime.</summary>
public sealed class PipelineHostTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new("gz-host");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_model_that_passes_its_first_inferences_replaces_the_old_one_which_is_disposed()
    {
        var old = new CountingSource();
        using var host = new PipelineHost(old);
        var trial = host.Replace(Vitals(RepoPaths.Combine("models", "vitals-classifier.onnx")), probeInferences: 5);

        Assert.Equal((0, 5), host.TrialProgress);
        var samples = Tick(host);

        var result = await trial;
        Assert.True(result.Passed, result.Detail);
        Assert.Equal("the first 5 inferences ran with finite outputs", result.Detail);
        Assert.True(old.Disposed);
        Assert.Equal("vitals-classifier", host.Current.Model?.Name);
        Assert.Null(((ModelPipeline)host.Current).Runner.Probe);
        Assert.Contains(samples, s => s.Name == ModelRunner.LatencySample);
    }

    [Fact]
    public async Task A_model_whose_outputs_are_not_numbers_is_rolled_back_and_the_old_source_runs_on()
    {
        var old = new CountingSource();
        using var host = new PipelineHost(old);
        var trial = host.Replace(Vitals(Write("nan.onnx", OnnxModels.VitalsNaN())), probeInferences: 5);

        var failing = Tick(host);
        var result = await trial;

        Assert.False(result.Passed);
        Assert.Equal("inference 1 of 5: output 'logits' holds NaN at index 0", result.Detail);
        Assert.Empty(failing);
        Assert.Same(old, host.Current);
        Assert.False(old.Disposed);
        Assert.Equal([new Sample(Start, "tick", 1)], Tick(host));
    }

    [Fact]
    public async Task A_model_that_loads_but_whose_runs_fail_is_rolled_back_with_onnx_runtimes_reason()
    {
        var old = new CountingSource();
        using var host = new PipelineHost(old);
        var trial = host.Replace(Vitals(Write("reshape.onnx", OnnxModels.VitalsFailingRun())), probeInferences: 5);

        Tick(host);
        var result = await trial;

        Assert.False(result.Passed);
        Assert.Contains("run failed", result.Detail, StringComparison.Ordinal);
        Assert.Contains("Reshape", result.Detail, StringComparison.Ordinal);
        Assert.Same(old, host.Current);
    }

    [Fact]
    public async Task A_trial_that_does_not_pass_in_time_is_rolled_back_naming_how_far_it_got()
    {
        var old = new CountingSource();
        using var host = new PipelineHost(old);

        // No tick runs the new model, so none of its inferences happen within the time allowed.
        var result = await host.TryAsync(Vitals(RepoPaths.Combine("models", "vitals-classifier.onnx")), 5, TimeSpan.FromMilliseconds(50), TimeProvider.System, CancellationToken.None);

        Assert.Equal(new TrialResult(false, "only 0 of 5 inferences ran within 0 s"), result);
        Assert.Same(old, host.Current);
    }

    [Fact]
    public async Task A_source_without_a_model_replaces_the_old_one_at_once()
    {
        var old = new CountingSource();
        using var host = new PipelineHost(old);
        var next = new CountingSource();

        var result = await host.Replace(next, probeInferences: 20);

        Assert.True(result.Passed);
        Assert.True(old.Disposed);
        Assert.Same(next, host.Current);
    }

    [Fact]
    public void A_model_of_the_wrong_input_shape_does_not_make_a_pipeline()
    {
        var runner = new ModelRunner(InferenceSession.Open(OnnxRuntime.Load(), RepoPaths.Combine("models", "tiny-add.onnx"), new InferenceOptions()), Options);

        var ex = Assert.Throws<InvalidDataException>(() => SampleSourceFactory.Build(Options, runner, Replay(), labelled: false));
        runner.Dispose();

        Assert.Contains("do not make a [1,2,T] heart rate/SpO2 classifier", ex.Message, StringComparison.Ordinal);
    }

    private static PipelineOptions Options => new() { Kind = "vitals-classification" };

    private static ReplayData Replay() => ReplayData.Load(RepoPaths.Combine("models", "replay", "vitals"));

    private static ISampleSource Vitals(string model) =>
        SampleSourceFactory.Build(Options, new ModelRunner(InferenceSession.Open(OnnxRuntime.Load(), model, new InferenceOptions()), Options with { ModelVersion = "1" }), Replay(), labelled: false);

    // 60 s of 1 Hz vital signs: the first 30 s window and then one every 5 s, 7 inferences.
    private static List<Sample> Tick(PipelineHost host)
    {
        var samples = new List<Sample>();
        host.Tick(Start, 60, samples);
        return samples.Where(s => s.Name is ModelRunner.LatencySample or "tick").ToList();
    }

    private string Write(string name, byte[] model)
    {
        var path = _folder.File(name);
        File.WriteAllBytes(path, model);
        return path;
    }

    private sealed class CountingSource : ISampleSource
    {
        public bool Disposed { get; private set; }

        public IReadOnlyList<WindowKpi> Kpis => [];

        public string? InputSample => null;

        public ModelInfo? Model => null;

        public void Tick(DateTimeOffset time, double seconds, List<Sample> samples) => samples.Add(new Sample(time, "tick", 1));

        public void Dispose() => Disposed = true;
    }
}
