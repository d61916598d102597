using GzAiEdge.Contracts.Evidence;
using GzAiEdge.Devices.Replay;
using GzAiEdge.Devices.Sources;
using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.EdgeRuntime.Evidence;
using GzAiEdge.Inference.Processing;
using GzAiEdge.Scenarios.Audits;
using GzAiEdge.Scenarios.Kpis;

namespace GzAiEdge.EdgeRuntime.Pipeline.Inference;

/// <summary>
/// Vital signs (heart rate, SpO2 at 1 Hz) → sliding windows → classifier → normal / abnormal, with an
/// alert at the start of each run of abnormal windows (vitals-classification in docs/kpis.md). With labels:
/// accuracy and F1 per window (a window is abnormal when at least <see cref="MinEpisodeSamples"/> of its
/// samples lie in a labelled episode, the rule the model was trained with) and time from onset to alert.
/// </summary>
public sealed partial class VitalsClassificationPipeline : ModelPipeline, IAuditable
{
    /// <summary>Samples of a window inside an episode from which the window counts as abnormal (models/scenes.py).</summary>
    public const int MinEpisodeSamples = 8;

    private const string HeartRate = "heart_rate", Spo2 = "spo2", Abnormal = "abnormal", Alert = "alert", TimeToAlert = "time_to_alert";

    private readonly SeriesInput _series;
    private readonly float _threshold;
    private readonly bool _labelled;
    private readonly float[] _probabilities = new float[2];
    private AlertRun _alerts;

    /// <param name="labels">Labelled mode: the replay <paramref name="signal"/> plays, whose episodes are the ground truth; else null.</param>
    public VitalsClassificationPipeline(ModelRunner runner, ISignalSource signal, PipelineOptions options, ReplayData? labels)
        : base(runner, signal, Own(labels is not null))
    {
        var input = runner.Session.Inputs[0];
        if (signal.Format.Channels is not ["heart_rate", "spo2"] || input.Shape.Count != 3 || input.Shape[1] != 2 || !input.IsStatic
            || runner.Session.Outputs[0].ElementCount != 2)
        {
            throw new InvalidDataException($"model '{runner.Session.GraphName}' ({input} → {runner.Session.Outputs[0]}) and a signal of [{string.Join(", ", signal.Format.Channels)}] do not make a [1,2,T] heart rate/SpO2 classifier with two logits");
        }

        _series = new SeriesInput(signal, new SlidingWindow((int)input.Shape[2], options.HopSamples > 0 ? options.HopSamples : 5, channels: 2), labels, Settled);
        _threshold = (float)options.DecisionThreshold;
        _labelled = labels is not null;
    }

    private protected override void Step(DateTimeOffset time, double seconds, List<Sample> samples) =>
        _series.Advance(
            time,
            seconds,
            values =>
            {
                samples.Add(new Sample(time, HeartRate, values[0]));
                samples.Add(new Sample(time, Spo2, values[1]));
            },
            () => Classify(time, samples));

    private static WindowKpi[] Own(bool labelled) =>
    [
        new(MedicalKpis.HeartRateMean.Key, HeartRate, WindowAggregation.Mean),
        new(MedicalKpis.Spo2Mean.Key, Spo2, WindowAggregation.Mean),
        new(MedicalKpis.Spo2Min.Key, Spo2, WindowAggregation.Min),
        new(MedicalKpis.AbnormalShare.Key, Abnormal, WindowAggregation.Mean),
        new(MedicalKpis.AlertCount.Key, Alert, WindowAggregation.Count),
        .. labelled ? [new WindowKpi(DiagnosticKpis.TimeToAlertS.Key, TimeToAlert, WindowAggregation.Mean), .. BinaryScore.Kpis] : Array.Empty<WindowKpi>(),
    ];

    private void Classify(DateTimeOffset time, List<Sample> samples)
    {
        _series.Window.CopyTo(Runner.Binding.Input<float>(0));
        var abnormal = Decide(time, samples);
        if (Evidence is { } ring && ring.Due(time))
        {
            ring.Add(time, EvidenceShape.OfWindow(_series.Window.Length, 2, _series.SampleHz), EvidenceCapture.Window(Runner.Binding.Input<float>(0), 2),
                EvidenceCapture.TwoClass(AuditedPipelines.VitalsClasses, _probabilities, abnormal, _threshold));
        }

        samples.Add(new Sample(time, Abnormal, abnormal ? 1 : 0));
        var alert = _alerts.Next(abnormal);
        if (alert)
        {
            samples.Add(new Sample(time, Alert, 1));
        }

        if (_labelled)
        {
            Score(time, abnormal, alert, samples);
        }
    }

    /// <summary>The step field windows and audit windows share, once the window is in the model's input: classifier, softmax, abnormal at the threshold.</summary>
    private bool Decide(DateTimeOffset time, List<Sample> samples)
    {
        Runner.Run(time, samples);
        Classification.Softmax(Runner.Binding.Output<float>(0), _probabilities);
        return _probabilities[1] >= _threshold;
    }

    private void Score(DateTimeOffset time, bool abnormal, bool alert, List<Sample> samples)
    {
        var end = _series.DataTime;
        var length = _series.Window.Length;
        var events = _series.Events;
        var inEpisode = 0;
        for (var s = 0; s < length; s++)
        {
            var t = end - ((length - s) / _series.SampleHz);
            inEpisode += InEpisode(events, t) ? 1 : 0;
        }

        BinaryScore.Add(time, abnormal, inEpisode >= MinEpisodeSamples, samples);
        if (alert)
        {
            _series.Reach(time, TimeToAlert, samples);
        }
    }

    // A loop, not events.Any(e => e.Contains(t)): this runs for every sample of every window, and the
    // lambda over t would allocate a closure (and an enumerator) each time.
    private static bool InEpisode(IReadOnlyList<ReplayEvent> events, double t)
    {
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].Contains(t))
            {
                return true;
            }
        }

        return false;
    }
}
