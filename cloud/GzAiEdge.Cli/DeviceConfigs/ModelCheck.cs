using GzAiEdge.Devices.Replay;
using GzAiEdge.Devices.Sources;
using GzAiEdge.Devices.Sources.Sensors;
using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.EdgeRuntime.Pipeline;
using GzAiEdge.EdgeRuntime.Pipeline.Inference;
using GzAiEdge.Inference;
using GzAiEdge.Inference.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Cli.DeviceConfigs;

/// <summary>
/// Loads a device's model and runs it through its pipeline as the worker's <see cref="SampleSourceFactory"/> would,
/// with the paths resolved and this machine's bundled ONNX Runtime (the board's own build, a JetPack one say, cannot
/// load here): on the replay, on one synthetic frame at the camera's size, or on a synthetic signal in the sensor's
/// format (neither camera nor sensor can be opened off the device).
/// </summary>
internal static class ModelCheck
{
    // Series models need a window of samples before their first run.
    private const int MaxSeconds = 120;

    public static void Run(List<string> problems, List<string> done, IServiceProvider services, ConfigurationLocator locator, DeviceFiles files)
    {
        PipelineOptions pipeline;
        SourceOptions source;
        try
        {
            pipeline = services.GetRequiredService<IOptions<PipelineOptions>>().Value;
            source = services.GetRequiredService<IOptions<SourceOptions>>().Value;
        }
        catch (OptionsValidationException)
        {
            return;
        }

        if (source.Kind == "simulated" || PipelineOptions.ModelFreeKinds.Contains(pipeline.Kind))
        {
            return;
        }

        try
        {
            var replay = source.Kind == "replay" ? ReplayData.Load(files.Resolve(source.Path!)) : null;
            var session = InferenceSession.Open(OnnxRuntime.Load(), files.Resolve(pipeline.Model), new InferenceOptions { IntraOpThreads = 1 });
            var runner = SampleSourceFactory.Runner(session, pipeline);
            ISampleSource built;
            string input;
            try
            {
                (built, input) = Build(pipeline, source, replay, runner);
            }
            catch
            {
                runner.Dispose();
                throw;
            }

            using (built)
            {
                var samples = new List<Sample>();
                var start = DateTimeOffset.UtcNow;
                for (var second = 1; second <= MaxSeconds && !samples.Any(s => s.Name == ModelRunner.LatencySample); second++)
                {
                    built.Tick(start.AddSeconds(second), 1, samples);
                }

                if (!samples.Any(s => s.Name == ModelRunner.LatencySample))
                {
                    throw new InvalidDataException($"the model did not run on the first {MaxSeconds} s of {input}");
                }

                done.Add($"model {built.Model!.Name} v{built.Model.Version} loads, fits {pipeline.Kind} and ran on {input}");
            }
        }
        catch (SettingsException ex)
        {
            problems.AddRange(ex.Problems.Select(p => $"{locator.Describe(p.Key)}: {p.Problem}"));
        }
        catch (Exception ex) when (ex is InvalidDataException or OnnxRuntimeException or ModelMetadataException or IOException)
        {
            problems.Add($"{locator.Describe("Pipeline:Model")}: {ex.Message}");
        }
    }

    // The pipeline owns the runner once it is built.
    private static (ISampleSource Source, string Input) Build(PipelineOptions pipeline, SourceOptions source, ReplayData? replay, ModelRunner runner)
    {
        if (replay is not null)
        {
            return (SampleSourceFactory.Build(pipeline, runner, replay, source.Labelled, source.Speed), "the replay");
        }

        if (source.Kind == "camera")
        {
            var camera = source.Camera;
            return (SampleSourceFactory.Build(pipeline, runner, new SyntheticFrames(new FrameFormat(camera.Width, camera.Height, camera.Fps))),
                $"a synthetic {camera.Width}x{camera.Height} frame");
        }

        using var sensor = SensorSources.Create(source.Sensor, source.SampleHz, LinuxSensorPorts.Instance);
        return (SampleSourceFactory.Build(pipeline, runner, new SyntheticSignal(sensor.Format)), $"a synthetic {source.Sensor.Chip} signal");
    }
}
