using System.Diagnostics;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.Inference;
using GzAiEdge.Inference.Metadata;
using GzAiEdge.Scenarios.Kpis;

namespace GzAiEdge.EdgeRuntime.Pipeline.Inference;

/// <summary>
/// One model with its pre-allocated binding and what its file says about it (Ultralytics metadata, name and
/// version); times each run. Owns both and releases them on dispose.
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

    /// <summary>
    /// Binds <paramref name="session"/> for the pipeline <paramref name="options"/> describe: an image model at the size
    /// the options or its metadata give (<see cref="ImageInput"/>), any other at its own shapes. The runner owns the
    /// session from here; when the constructor throws, the session stays the caller's.
    /// </summary>
    /// <exception cref="ModelMetadataException">The model's Ultralytics metadata is malformed.</exception>
    /// <exception cref="SettingsException">An image pipeline's model cannot run at the size asked for.</exception>
    /// <exception cref="OnnxRuntimeException">The binding's sizing run failed.</exception>
    public ModelRunner(InferenceSession session, PipelineOptions options)
    {
        Session = session;
        Metadata = UltralyticsMetadata.Read(session);
        var identity = ModelIdentity.Resolve(session, Metadata, options.ModelName, options.ModelVersion);
        Binding = PipelineOptions.ImageKinds.Contains(options.Kind) && ImageInput.Takes(session) ? ImageInput.Bind(session, Metadata, options) : session.CreateBinding();
        Model = new ModelInfo(identity.Name, identity.Version, session.Sha256);
    }

    public InferenceSession Session { get; }

    public SessionBinding Binding { get; }

    public ModelInfo Model { get; }

    /// <summary>What an Ultralytics export says about the model (class names, task, input size); null for other models.</summary>
    public UltralyticsMetadata? Metadata { get; }

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
        var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        samples.Add(new Sample(time, LatencySample, milliseconds));
        Metrics.EdgeMetrics.Inferred(milliseconds);
        Probe?.Check(Session, Binding);
    }

    public void Dispose()
    {
        Binding.Dispose();
        Session.Dispose();
    }
}
