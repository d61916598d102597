using GzAiEdge.Contracts.Messages;
using GzAiEdge.Devices.Sources;
using GzAiEdge.EdgeRuntime.Evidence;
using GzAiEdge.Scenarios.Kpis;

namespace GzAiEdge.EdgeRuntime.Pipeline.Inference;

/// <summary>
/// What every model pipeline shares: it owns its <see cref="ModelRunner"/> and its device source (both released
/// on dispose), reports the latency KPIs and the share of its input it processed ahead of its own, and counts one
/// input per model run.
/// </summary>
public abstract class ModelPipeline : ISampleSource
{
    // Per tick: inputs the source produced whose fate is settled (read and run, read and thrown away, dropped or lost
    // before the pipeline read them), and of those the ones run through the model. Their ratio per window is
    // input_processed_share; an input read but not yet settled (a sample waiting for its window) counts in a later tick.
    private const string OfferedSample = "input_offered", ProcessedSample = "input_processed";

    private readonly ISource _source;
    private long _settled, _run, _missedBefore;

    private protected ModelPipeline(ModelRunner runner, ISource source, IEnumerable<WindowKpi> kpis)
    {
        Runner = runner;
        _source = source;
        Kpis = [.. ModelRunner.LatencyKpis, new(ServiceKpis.InputProcessedShare.Key, ProcessedSample, WindowAggregation.Ratio, OfferedSample), .. kpis];
    }

    public IReadOnlyList<WindowKpi> Kpis { get; }

    public string? InputSample => ModelRunner.LatencySample;

    public ModelInfo? Model => Runner.Model;

    public SourceStats? SourceStats => _source.Stats;

    /// <summary>The evidence ring each run's input and outputs go to when it is due; null when the device keeps none.</summary>
    public EvidenceRing? Evidence { get; set; }

    /// <summary>The model and its binding; the pipeline owns it.</summary>
    public ModelRunner Runner { get; }

    public void Tick(DateTimeOffset time, double seconds, List<Sample> samples)
    {
        Step(time, seconds, samples);
        var stats = _source.Stats;
        var missed = stats.Dropped + stats.Lost;
        var offered = _settled + (missed - _missedBefore);
        if (offered > 0)
        {
            samples.Add(new Sample(time, OfferedSample, offered));
            samples.Add(new Sample(time, ProcessedSample, _run));
        }

        (_settled, _run, _missedBefore) = (0, 0, missed);
    }

    public void Dispose()
    {
        _source.Dispose();
        Runner.Dispose();
    }

    /// <summary>Advances the source and runs the model on what it released, adding the samples of the tick.</summary>
    private protected abstract void Step(DateTimeOffset time, double seconds, List<Sample> samples);

    /// <summary>Counts <paramref name="inputs"/> read from the source whose fate is settled, <paramref name="run"/> of them through the model.</summary>
    private protected void Settled(long inputs, long run)
    {
        _settled += inputs;
        _run += run;
    }
}
