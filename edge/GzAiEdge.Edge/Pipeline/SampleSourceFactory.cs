using GzAiEdge.Edge.Configuration;
using GzAiEdge.Edge.Pipeline.Inference;
using GzAiEdge.Edge.Pipeline.Replay;
using GzAiEdge.Edge.Simulation;
using GzAiEdge.Inference;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Edge.Pipeline;

/// <summary>
/// Builds the device's source from its config: a simulation, or a replay feeding the configured model
/// pipeline. Failures become <see cref="InvalidDataException"/> naming the config key and file line to fix.
/// </summary>
public sealed class SampleSourceFactory(
    IOptions<SourceOptions> source,
    IOptions<PipelineOptions> pipeline,
    IOptions<InferenceOptions> inference,
    ConfigurationLocator locator,
    ILoggerFactory logs)
{
    public ISampleSource Create() => Create(source.Value, pipeline.Value, inference.Value);

    /// <summary>The source other options describe: a command's new values, or a new model (<see cref="PipelineHost"/>).</summary>
    public ISampleSource Create(SourceOptions s, PipelineOptions p, InferenceOptions i)
    {
        if (s.Kind == "simulated")
        {
            return SimulationProfiles.Create(s.Profile, s.Seed);
        }

        var replay = Wrap("Source:Path", () => ReplayData.Load(s.Path!).WithSpeed(s.Speed));
        var runtime = Wrap("Inference:NativeLibraryPath", () => OnnxRuntime.Load(i.NativeLibraryPath));
        var session = Wrap("Pipeline:Model", () => InferenceSession.Open(runtime, p.Model, i, logs.CreateLogger("GzAiEdge.Inference")));
        var runner = new ModelRunner(session, p.ModelName, p.ModelVersion);
        try
        {
            return Wrap("Pipeline:Kind", () => Build(p, runner, replay, s.Labelled));
        }
        catch
        {
            runner.Dispose();
            throw;
        }
    }

    /// <summary>The pipeline <paramref name="p"/> names, over a loaded model and replay; it owns <paramref name="runner"/> from here.</summary>
    /// <exception cref="InvalidDataException">The kind is unknown, or the model or replay does not fit it.</exception>
    public static ISampleSource Build(PipelineOptions p, ModelRunner runner, ReplayData replay, bool labelled) => p.Kind switch
    {
        "traffic-detection" => new TrafficDetectionPipeline(runner, replay, p, labelled),
        "visual-inspection" => new VisualInspectionPipeline(runner, replay, p, labelled),
        "vibration-anomaly" => new VibrationAnomalyPipeline(runner, replay, p, labelled),
        "vitals-classification" => new VitalsClassificationPipeline(runner, replay, p, labelled),
        _ => throw new InvalidDataException($"'{p.Kind}' is not one of {string.Join(", ", PipelineOptions.Kinds)}"),
    };

    private T Wrap<T>(string key, Func<T> create)
    {
        try
        {
            return create();
        }
        catch (Exception ex) when (ex is InvalidDataException or OnnxRuntimeException or IOException)
        {
            throw new InvalidDataException($"{locator.Describe(key)}: {ex.Message}", ex);
        }
    }
}
