using System.Diagnostics;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Inference;
using GzAiEdge.Scenarios.Kpis;

namespace GzAiEdge.EdgeRuntime.Pipeline.Inference;

/// <summary>
/// One model with its pre-allocated binding; times each run. Owns both and releases them on dispose.
/// </summary>
public sealed class ModelRunner : IDisposable
{
    /// <summary>Sample name of a run's duration in milliseconds; one per model input.</summary>
    public const string LatencySample = "latency_ms";

    /// <summary>The KPIs every inference pipeline reports.</summary>
    public static readonly IReadOnlyList<WindowKpi> LatencyKpis =
    [
        new(ServiceKpis.InferenceP50Ms.Key, LatencySample, WindowAggregation.P50),
        new(ServiceKpis.InferenceP95Ms.Key, LatencySample, WindowAggregation.P95),
        new(ServiceKpis.InferenceP99Ms.Key, LatencySample, WindowAggregation.P99),
        new(ServiceKpis.InferencesPerS.Key, LatencySample, WindowAggregation.CountPerSecond),
    ];

    private static long _runsInProcess;

    public ModelRunner(InferenceSession session, string? name, string? version)
    {
        Session = session;
        Binding = session.CreateBinding();
        Model = new ModelInfo(
            string.IsNullOrWhiteSpace(name) ? session.GraphName : name,
            string.IsNullOrWhiteSpace(version) ? session.ModelVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) : version,
            session.Sha256);
    }

    public InferenceSession Session { get; }

    public SessionBinding Binding { get; }

    public ModelInfo Model { get; }

    /// <summary>Checks the runs of a model on trial (<see cref="PipelineHost"/>); null once it passed, so that steady-state runs do no extra work.</summary>
    public InferenceProbe? Probe { get; set; }

    /// <summary>Model runs of every runner in this process since it started, for the heartbeat's inference rate.</summary>
    public static long RunsInProcess => Interlocked.Read(ref _runsInProcess);

    /// <summary>Runs the model on the binding's input and adds the latency sample.</summary>
    /// <exception cref="InvalidDataException">The model is on trial and left a non-finite output.</exception>
    public void Run(DateTimeOffset time, List<Sample> samples)
    {
        var started = Stopwatch.GetTimestamp();
        Binding.Run();
        Interlocked.Increment(ref _runsInProcess);
        samples.Add(new Sample(time, LatencySample, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
        Probe?.Check(Session, Binding);
    }

    public void Dispose()
    {
        Binding.Dispose();
        Session.Dispose();
    }
}
