using GzAiEdge.Contracts.Audits;
using GzAiEdge.Devices.Replay;
using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.EdgeRuntime.Pipeline;
using GzAiEdge.EdgeRuntime.Pipeline.Inference;
using GzAiEdge.Inference;
using GzAiEdge.Testing;

namespace GzAiEdge.EdgeRuntime.Tests.Pipeline.Inference;

/// <summary>
/// One code path: each pipeline's answer to an audit item is what its field step decides for the same input. The replay
/// plays through the field pipeline once; then its frames, windows or signal go through the same pipeline as audit items,
/// and the decisions agree one for one.
/// </summary>
public class AuditAnswerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_traffic_item_gives_the_field_frames_detections_down_to_the_floor_and_the_same_ones_over_the_threshold()
    {
        var (pipeline, replay, samples) = Play("traffic-detector", "traffic", new PipelineOptions { Kind = "traffic-detection" }, 24);
        using var _ = pipeline;
        var auditable = (IAuditable)pipeline;
        var field = samples.Where(s => s.Name == "vehicles_in_frame").Select(s => (int)s.Value).ToList();

        var answers = Enumerable.Range(0, replay.Manifest.Count).Select(i =>
            auditable.Answer(AuditInput.OfImage($"f{i}", 160, 120, replay.Bytes.AsSpan(i * replay.FrameBytes, replay.FrameBytes).ToArray()), Start)).ToList();

        Assert.Equal(120, field.Count);
        Assert.Equal(field, answers.Select(a => a.Boxes!.Count(b => b.Class == "vehicle" && b.Score >= auditable.OperatingThreshold)));
        Assert.Contains(answers, a => a.Boxes!.Any(b => b.Score < auditable.OperatingThreshold));
        Assert.All(answers, a => Assert.Single(a.LatencyMs));
        Assert.Equal(0.5, auditable.OperatingThreshold);
    }

    [Fact]
    public void An_inspection_item_gets_the_field_decision_and_its_class_scores()
    {
        var (pipeline, replay, samples) = Play("inspection-classifier", "inspection", new PipelineOptions { Kind = "visual-inspection" }, 40);
        using var _ = pipeline;
        var field = samples.Where(s => s.Name == "inspection").Select(s => (int)s.Value).ToList();

        var answers = Enumerable.Range(0, replay.Manifest.Count).Select(i =>
            ((IAuditable)pipeline).Answer(AuditInput.OfImage($"p{i}", 64, 64, replay.Bytes.AsSpan(i * replay.FrameBytes, replay.FrameBytes).ToArray()), Start)).ToList();

        Assert.Equal(field, answers.Select(a => a.Decision!.Value));
        Assert.All(answers, a => Assert.Equal(1, a.Scores!.Sum(), 5));
    }

    [Fact]
    public void A_vibration_window_gets_the_field_windows_reconstruction_error()
    {
        var options = new PipelineOptions { Kind = "vibration-anomaly", AnomalyThreshold = 0.016725 };
        var (pipeline, replay, samples) = Play("vibration-autoencoder", "vibration", options, 40);
        using var _ = pipeline;
        var field = samples.Where(s => s.Name == "reconstruction_error").Select(s => s.Value).ToList();

        // The field slides 128-sample windows every 64 samples from the first sample.
        var answers = Enumerable.Range(0, field.Count).Select(k =>
            ((IAuditable)pipeline).Answer(AuditInput.OfSamples($"w{k}", AuditInput.Window, 1, 0, replay.Signal.AsSpan(k * 64, 128)), Start)).ToList();

        Assert.Equal(field, answers.Select(a => a.Error!.Value));
        Assert.Equal(samples.Where(s => s.Name == "vibration_window").Select(s => (int)s.Value), answers.Select(a => a.Decision!.Value));
        Assert.Equal("item 'x' is a window of 100 samples of 1 channels; the model takes 128 samples of one",
            ((IAuditable)pipeline).Refuse(AuditInput.OfSamples("x", AuditInput.Window, 1, 0, new float[100])));
    }

    [Fact]
    public void A_vitals_series_gets_the_field_windows_decisions_and_alerts()
    {
        var (pipeline, replay, samples) = Play("vitals-classifier", "vitals", new PipelineOptions { Kind = "vitals-classification" }, 900);
        using var _ = pipeline;

        var answer = ((IAuditable)pipeline).Answer(AuditInput.OfSamples("s1", AuditInput.Series, 2, 1, replay.Signal), Start);

        Assert.Equal(samples.Where(s => s.Name == "abnormal").Select(s => (int)s.Value), answer.Windows!.Select(w => w.Decision));
        Assert.Equal(samples.Count(s => s.Name == "alert"), answer.Windows!.Count(w => w.Alert));
        Assert.Equal((0, 30), (answer.Windows![0].Start, answer.Windows[0].End));
        Assert.Equal(5, answer.Windows[1].Start);
        Assert.Equal(answer.Windows.Count, answer.LatencyMs.Count);
        Assert.StartsWith("item 'i' is a image; vitals-classification takes series", ((IAuditable)pipeline).Refuse(AuditInput.OfImage("i", 1, 1, new byte[3])), StringComparison.Ordinal);
    }

    // The replay once through the field pipeline (unlabelled), with every sample it added.
    private static (ISampleSource Pipeline, ReplayData Replay, List<Sample> Samples) Play(string model, string replay, PipelineOptions options, int seconds)
    {
        var data = ReplayData.Load(RepoPaths.Combine("models", "replay", replay));
        var session = InferenceSession.Open(OnnxRuntime.Load(), RepoPaths.Combine("models", $"{model}.onnx"), new InferenceOptions());
        var source = SampleSourceFactory.Build(options, new ModelRunner(session, options with { ModelVersion = "1" }), data, labelled: false);
        var samples = new List<Sample>();
        source.Tick(Start.AddSeconds(seconds), seconds, samples);
        return (source, data, samples);
    }
}
