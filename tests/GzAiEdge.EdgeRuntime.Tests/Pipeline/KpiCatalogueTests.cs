using GzAiEdge.Devices.Replay;
using GzAiEdge.Devices.Sources.Sensors;
using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.EdgeRuntime.Pipeline;
using GzAiEdge.EdgeRuntime.Pipeline.Inference;
using GzAiEdge.EdgeRuntime.Simulation;
using GzAiEdge.EdgeRuntime.Tests.Configuration;
using GzAiEdge.Inference;
using GzAiEdge.Scenarios.Kpis;
using GzAiEdge.Testing;
using GzAiEdge.Testing.Devices.Emulation;
using GzAiEdge.Testing.Devices.Gpio;
using GzAiEdge.Testing.Devices.Sensors.Bme280;
using GzAiEdge.Testing.Devices.Sources;
using Microsoft.Extensions.DependencyInjection;

namespace GzAiEdge.EdgeRuntime.Tests.Pipeline;

/// <summary>
/// Every pipeline kind and simulation profile, built as a device builds it, against the KPI catalogue: the keys each
/// really emits (its KPI definitions, labelled and unlabelled, and the <c>samples</c> every window reports) must be
/// exactly the keys the catalogue lists for it, so that no scenario type, alert rule, document or label can name a
/// key nothing sends, and no key is sent that nothing describes.
/// </summary>
public sealed class KpiCatalogueTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly EmulatedClock _clock = new();
    private readonly EmulatedSensorPorts _ports = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_device_config_and_the_catalogue_know_the_same_pipelines_and_simulation_profiles()
    {
        Assert.Equal(PipelineNames.All, PipelineOptions.Kinds);
        Assert.Equal(PipelineNames.All.Except(PipelineNames.WithModel), PipelineOptions.ModelFreeKinds);
        Assert.Equal(SimulationProfileNames.All, SimulationProfiles.Names);
    }

    [Fact]
    public void Every_pipeline_and_simulation_emits_exactly_the_keys_the_catalogue_lists_for_it()
    {
        var pipelines = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (model, replay, options) in ModelPipelines)
        {
            foreach (var labelled in new[] { false, true })
            {
                using var source = Replay(model, replay, options, labelled);
                Collect(pipelines, options.Kind, source);
            }
        }

        _ports.With(new Bme280Emulator(_clock));
        _ports.Line = new GpioLineEmulator(false);
        CollectSensor(pipelines, PipelineNames.Environment, "{ chip: bme280 }");
        CollectSensor(pipelines, PipelineNames.TrafficLoop, "{ chip: pulse-counter, line: \"17\" }");
        var simulations = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var profile in SimulationProfiles.Names)
        {
            using var simulation = SimulationProfiles.Create(profile, seed: 1);
            Collect(simulations, profile, simulation);
        }

        Assert.Equal(PipelineOptions.Kinds.Order(StringComparer.Ordinal), pipelines.Keys.Order(StringComparer.Ordinal));
        List<string> problems = [.. Compare("pipeline", pipelines, k => k.Pipelines), .. Compare("simulation profile", simulations, k => k.Simulations)];
        Assert.True(problems.Count == 0, $"the KPI catalogue (shared/GzAiEdge.Scenarios/Kpis) and the pipelines disagree:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    private static IEnumerable<(string Model, string Replay, PipelineOptions Options)> ModelPipelines =>
    [
        ("traffic-detector", "traffic", new PipelineOptions { Kind = PipelineNames.TrafficDetection }),
        ("inspection-classifier", "inspection", new PipelineOptions { Kind = PipelineNames.VisualInspection }),
        ("vibration-autoencoder", "vibration", new PipelineOptions { Kind = PipelineNames.VibrationAnomaly, AnomalyThreshold = 0.0167 }),
        ("vitals-classifier", "vitals", new PipelineOptions { Kind = PipelineNames.VitalsClassification }),
        ("load-forecaster", "load", new PipelineOptions { Kind = PipelineNames.LoadForecasting }),
    ];

    private static IEnumerable<string> Compare(string what, Dictionary<string, SortedSet<string>> emitted, Func<KpiDefinition, IReadOnlyList<string>> listedFor)
    {
        foreach (var (emitter, keys) in emitted)
        {
            foreach (var key in keys)
            {
                if (KpiCatalogue.Find(key) is not { } definition)
                {
                    yield return $"{what} '{emitter}' emits '{key}', which the KPI catalogue lacks";
                }
                else if (!listedFor(definition).Contains(emitter))
                {
                    yield return $"{what} '{emitter}' emits '{key}', which the KPI catalogue does not list for it";
                }
            }

            foreach (var listed in KpiCatalogue.All.Where(k => listedFor(k).Contains(emitter) && !keys.Contains(k.Key)))
            {
                yield return $"the KPI catalogue lists '{listed.Key}' for {what} '{emitter}', which does not emit it";
            }
        }
    }

    // A window reports the source's KPI definitions, and always the samples count (KpiWindow.Compute).
    private static void Collect(Dictionary<string, SortedSet<string>> emitted, string emitter, ISampleSource source)
    {
        var keys = emitted.TryGetValue(emitter, out var known) ? known : emitted[emitter] = new SortedSet<string>(StringComparer.Ordinal);
        keys.Add(KpiWindow.SamplesKpi);
        keys.UnionWith(source.Kpis.Select(k => k.Name));
    }

    private static ISampleSource Replay(string model, string replay, PipelineOptions options, bool labelled)
    {
        var session = InferenceSession.Open(OnnxRuntime.Load(), RepoPaths.Combine("models", $"{model}.onnx"), new InferenceOptions());
        return SampleSourceFactory.Build(options, new ModelRunner(session, options with { ModelVersion = "1" }), ReplayData.Load(RepoPaths.Combine("models", "replay", replay)), labelled);
    }

    // The sensor pipelines as a device config builds them, over emulated chips; the provider owns the source.
    private void CollectSensor(Dictionary<string, SortedSet<string>> emitted, string kind, string sensor)
    {
        var path = DeviceConfig.Write(_folder, $"""
            edge: {"{"} site: huangpu-02, device: sensor-01, scenario: mfg-huangpu-inspection, stateDirectory: {_folder.File("state")} {"}"}
            source:
              kind: sensor
              sampleHz: 1
              sensor: {sensor}
            pipeline:
              kind: {kind}
            """);
        using var services = DeviceConfig.Build(path, s => s.AddSingleton<ISensorPorts>(_ports).AddSingleton<TimeProvider>(_clock));
        Collect(emitted, kind, services.GetRequiredService<PipelineHost>().Current);
    }
}
