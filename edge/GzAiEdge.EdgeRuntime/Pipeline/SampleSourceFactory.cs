using GzAiEdge.Devices.Camera;
using GzAiEdge.Devices.Replay;
using GzAiEdge.Devices.Sources;
using GzAiEdge.Devices.Sources.Sensors;
using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.EdgeRuntime.Evidence;
using GzAiEdge.EdgeRuntime.Pipeline.Inference;
using GzAiEdge.EdgeRuntime.Pipeline.Sensors;
using GzAiEdge.EdgeRuntime.Simulation;
using GzAiEdge.Inference;
using GzAiEdge.Inference.Metadata;
using GzAiEdge.Scenarios.Kpis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime.Pipeline;

/// <summary>
/// Builds the device's source from its config: a simulation, a replay or camera feeding the configured model
/// pipeline, or a sensor feeding the pipeline its chip feeds (with or without a model). Failures become <see cref="InvalidDataException"/> naming the config key and file line to fix.
/// </summary>
public sealed class SampleSourceFactory(
    IOptions<SourceOptions> source,
    IOptions<PipelineOptions> pipeline,
    IOptions<InferenceOptions> inference,
    ConfigurationLocator locator,
    ISensorPorts ports,
    TimeProvider time,
    ILoggerFactory logs,
    EvidenceRings? evidence = null)
{
    /// <summary>The device's source at start: a sensor is opened now, so that a missing bus or chip stops the start.</summary>
    public ISampleSource Create() => Create(source.Value, pipeline.Value, inference.Value, openSensor: true);

    /// <summary>
    /// The source other options describe: a command's new values, or a new model (<see cref="PipelineHost"/>). A sensor
    /// opens at its first tick, once the source it replaces has let go of the bus or line.
    /// </summary>
    public ISampleSource Create(SourceOptions s, PipelineOptions p, InferenceOptions i) => Create(s, p, i, openSensor: false);

    // Every model pipeline built here keeps its evidence in the device's ring, when it keeps any.
    private ISampleSource Create(SourceOptions s, PipelineOptions p, InferenceOptions i, bool openSensor)
    {
        var created = CreateSource(s, p, i, openSensor);
        if (created is ModelPipeline model)
        {
            model.Evidence = evidence?.For(p.Kind);
        }

        return created;
    }

    private ISampleSource CreateSource(SourceOptions s, PipelineOptions p, InferenceOptions i, bool openSensor)
    {
        if (s.Kind == "simulated")
        {
            return SimulationProfiles.Create(s.Profile, s.Seed);
        }

        if (s.Kind == "sensor" && PipelineOptions.ModelFreeKinds.Contains(p.Kind))
        {
            var measured = OpenSensor(s, openSensor);
            return Wrap("Pipeline:Kind", () => Build(p, measured));
        }

        var replay = s.Kind == "replay" ? Wrap("Source:Path", () => ReplayData.Load(s.Path!)) : null;
        var runtime = Wrap("Inference:NativeLibraryPath", () => OnnxRuntime.Load(i.NativeLibraryPath));
        var session = Wrap("Pipeline:Model", () => InferenceSession.Open(runtime, p.Model, i, logs.CreateLogger("GzAiEdge.Inference")));
        var runner = Wrap("Pipeline:Model", () => Runner(session, p));
        try
        {
            return replay is not null ? Wrap("Pipeline:Kind", () => Build(p, runner, replay, s.Labelled, s.Speed))
                : s.Kind == "sensor" ? BuildOver(OpenSensor(s, openSensor))
                : Wrap("Pipeline:Kind", () => Build(p, runner, new CameraFrameSource(s.Camera, logs.CreateLogger("GzAiEdge.Devices.Camera"))));
        }
        catch
        {
            runner.Dispose();
            throw;
        }

        ISampleSource BuildOver(SensorSource signal) => Wrap("Pipeline:Kind", () => Build(p, runner, signal));
    }

    /// <summary>
    /// The pipeline <paramref name="p"/> names, over a loaded model and a replay played at <paramref name="speed"/>;
    /// labelled, it also scores the model against the replay's ground truth. It owns <paramref name="runner"/> from here.
    /// </summary>
    /// <exception cref="InvalidDataException">The kind is unknown, or the model or replay does not fit it.</exception>
    public static ISampleSource Build(PipelineOptions p, ModelRunner runner, ReplayData replay, bool labelled, double speed = 1)
    {
        var labels = labelled ? replay : null;
        return p.Kind switch
        {
            PipelineNames.TrafficDetection => new TrafficDetectionPipeline(runner, Frames(replay, "frames", speed),
                p with { CountingLineY = p.CountingLineY > 0 ? p.CountingLineY : replay.Manifest.CountingLineY }, labels),
            PipelineNames.VisualInspection => new VisualInspectionPipeline(runner, Frames(replay, "images", speed), p, labels),
            PipelineNames.VibrationAnomaly => new VibrationAnomalyPipeline(runner, new ReplaySignalSource(replay, speed), p, labels),
            PipelineNames.VitalsClassification => new VitalsClassificationPipeline(runner, new ReplaySignalSource(replay, speed), p, labels),
            PipelineNames.LoadForecasting => new LoadForecastingPipeline(runner, new ReplaySignalSource(replay, speed)),
            _ => throw Unknown(p),
        };
    }

    /// <summary>The image pipeline <paramref name="p"/> names, over live <paramref name="frames"/>; it owns both from here (and disposes them if it cannot start).</summary>
    /// <exception cref="InvalidDataException">The kind does not take frames, or the model does not fit it.</exception>
    public static ISampleSource Build(PipelineOptions p, ModelRunner runner, IFrameSource frames) => Owning(frames, () => p.Kind switch
    {
        PipelineNames.TrafficDetection => new TrafficDetectionPipeline(runner, frames, p, labels: null),
        PipelineNames.VisualInspection => new VisualInspectionPipeline(runner, frames, p, labels: null),
        _ when PipelineOptions.Kinds.Contains(p.Kind) => throw new InvalidDataException($"'{p.Kind}' reads a signal; a camera feeds only {string.Join(" or ", PipelineOptions.ImageKinds)}"),
        _ => throw Unknown(p),
    });

    /// <summary>A model pipeline over a live sensor signal; it owns both from here (and disposes them if it cannot start).</summary>
    /// <exception cref="InvalidDataException">The kind does not take this signal, or the model does not fit it.</exception>
    public static ISampleSource Build(PipelineOptions p, ModelRunner runner, ISignalSource signal) => Owning(signal, () => p.Kind switch
    {
        PipelineNames.VibrationAnomaly => new VibrationAnomalyPipeline(runner, signal, p, labels: null),
        PipelineNames.VitalsClassification => new VitalsClassificationPipeline(runner, signal, p, labels: null),
        _ => throw Unknown(p),
    });

    /// <summary>A pipeline without a model over a live sensor signal; it owns the signal from here.</summary>
    /// <exception cref="InvalidDataException">The kind runs a model, or does not take this signal.</exception>
    public static ISampleSource Build(PipelineOptions p, ISignalSource signal) => Owning(signal, () => p.Kind switch
    {
        PipelineNames.TrafficLoop => new TrafficLoopPipeline(signal),
        PipelineNames.Environment => new EnvironmentPipeline(signal),
        _ => throw new InvalidDataException($"'{p.Kind}' runs a model; without one a sensor feeds only {string.Join(" or ", PipelineOptions.ModelFreeKinds)}"),
    });

    private static ISampleSource Owning(ISource source, Func<ISampleSource> build)
    {
        try
        {
            return build();
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    /// <summary>The sensor the options name; opened now at start, where an error names the key that places it.</summary>
    private SensorSource OpenSensor(SourceOptions s, bool open)
    {
        SensorSource sensor;
        try
        {
            sensor = SensorSources.Create(s.Sensor, s.SampleHz, ports, time, logs);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException($"{locator.Describe("Source:Sensor:Chip")}: {ex.Message}", ex);
        }

        if (open)
        {
            try
            {
                sensor.Open();
            }
            catch (IOException ex)
            {
                sensor.Dispose();
                var key = s.Sensor.Chip == SensorOptions.PulseCounter ? "Source:Sensor:GpioChip" : "Source:Sensor:Bus";
                throw new InvalidDataException($"{locator.Describe(key)}: {ex.Message}", ex);
            }
        }

        return sensor;
    }

    /// <summary>The runner over <paramref name="session"/>, which it owns from here; the session is released if it cannot be made.</summary>
    public static ModelRunner Runner(InferenceSession session, PipelineOptions p)
    {
        try
        {
            return new ModelRunner(session, p);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    private static ReplayFrameSource Frames(ReplayData replay, string kind, double speed)
    {
        replay.Require(kind);
        return new ReplayFrameSource(replay, speed);
    }

    private static InvalidDataException Unknown(PipelineOptions p) => new($"'{p.Kind}' is not one of {string.Join(", ", PipelineOptions.Kinds)}");

    // A problem the settings themselves name a key for is reported under that key; any other under the key that places what failed.
    private T Wrap<T>(string key, Func<T> create)
    {
        try
        {
            return create();
        }
        catch (SettingsException ex)
        {
            throw new InvalidDataException(string.Join(Environment.NewLine + "  ", ex.Problems.Select(p => $"{locator.Describe(p.Key)}: {p.Problem}")), ex);
        }
        catch (Exception ex) when (ex is InvalidDataException or OnnxRuntimeException or ModelMetadataException or IOException)
        {
            throw new InvalidDataException($"{locator.Describe(key)}: {ex.Message}", ex);
        }
    }
}
