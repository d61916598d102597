using GzAiEdge.EdgeRuntime.Pipeline;
using GzAiEdge.EdgeRuntime.Tests.Configuration;
using GzAiEdge.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GzAiEdge.EdgeRuntime.Tests.Pipeline.Inference;

/// <summary>
/// The traffic pipeline built from a device config as the worker builds it, configuration binding included, on
/// the project's replay: the project's own detector and its Ultralytics-layout COCO exports, classes by index and
/// by name.
/// </summary>
public sealed class DetectorConfigurationTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Classes_named_through_the_config_count_what_the_same_classes_count_by_index()
    {
        var byIndex = Run("traffic-detector", "vehicleClasses: [0]", "pedestrianClasses: [1]");
        var byName = Run("traffic-detector", "classNames: [vehicle, pedestrian]", "vehicleClasses: [vehicle]", "pedestrianClasses: [Pedestrian]");

        Assert.Equal(byIndex.Kpis.Where(k => !k.Key.StartsWith("inference", StringComparison.Ordinal)), byName.Kpis.Where(k => !k.Key.StartsWith("inference", StringComparison.Ordinal)));
        Assert.Equal(36, byName.Kpis["vehicle_count"], tolerance: 2.0);
        Assert.Equal(8, byName.Kpis["pedestrian_count"], tolerance: 1.0);
        Assert.Equal(0.974, byName.Kpis["detection_precision"], 0.02);
    }

    [Theory]
    [InlineData("vehicleClasses: [1]", "pedestrianClasses: [0]")]
    [InlineData("vehicleClasses: [pedestrian]", "pedestrianClasses: [vehicle]", "classNames: [vehicle, pedestrian]")]
    public void Swapped_class_lists_count_swapped_objects(params string[] classes)
    {
        var usual = Run("traffic-detector").Kpis;
        var swapped = Run("traffic-detector", classes).Kpis;

        Assert.True(usual["vehicle_count"] > 2 * usual["pedestrian_count"], $"{usual["vehicle_count"]} vehicles, {usual["pedestrian_count"]} pedestrians");
        Assert.Equal((usual["pedestrian_count"], usual["vehicle_count"]), (swapped["vehicle_count"], swapped["pedestrian_count"]));
        Assert.Equal((usual["mean_pedestrians_per_frame"], usual["mean_vehicles_per_frame"]), (swapped["mean_vehicles_per_frame"], swapped["mean_pedestrians_per_frame"]));
    }

    [Theory]
    [InlineData("traffic-yolov8-coco")]
    [InlineData("traffic-yolov8-coco-dynamic")]
    public void An_ultralytics_coco_export_counts_cars_and_persons_by_name_and_reports_its_metadata_identity(string model)
    {
        var (kpis, identity) = Run(model, "vehicleClasses: [car, bus, truck, motorcycle]", "pedestrianClasses: [person]");

        Assert.Equal(("gzaiedge-traffic-coco", "1.0.0"), identity);
        Assert.Equal(120, kpis[KpiWindow.SamplesKpi]);
        Assert.Equal(36, kpis["vehicle_count"], tolerance: 2.0);
        Assert.Equal(8, kpis["pedestrian_count"], tolerance: 1.0);
        Assert.Equal(0.976, kpis["detection_precision"], 0.02);
        Assert.Equal(0.976, kpis["detection_recall"], 0.02);
    }

    [Fact]
    public void A_dynamic_export_runs_at_the_configured_size_and_the_configured_name_and_version_win()
    {
        var atImgsz = Run("traffic-yolov8-coco-dynamic", "vehicleClasses: [car]", "pedestrianClasses: [person]").Kpis;
        var (kpis, identity) = Run("traffic-yolov8-coco-dynamic", "imageSize: [720, 640]", "modelName: site-cars", "modelVersion: \"2026.1\"", "vehicleClasses: [car]", "pedestrianClasses: [person]");

        Assert.Equal(("site-cars", "2026.1"), identity);
        Assert.Equal(atImgsz["vehicle_count"], kpis["vehicle_count"], tolerance: 2.0);
        Assert.Equal(atImgsz["pedestrian_count"], kpis["pedestrian_count"], tolerance: 1.0);
    }

    [Fact]
    public void A_class_name_the_model_lacks_is_named_with_the_key_the_model_and_its_classes()
    {
        var ex = Fails("traffic-yolov8-coco", "vehicleClasses: [car, motorbike]", "pedestrianClasses: [person]");

        Assert.StartsWith(
            $"{Config}:8 (Pipeline:VehicleClasses:1): model 'gzaiedge-traffic-coco' ({Model("traffic-yolov8-coco")}) has no class 'motorbike'; its classes are person, bicycle, car, motorcycle, ",
            ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_that_names_its_classes_must_be_told_which_count_and_one_without_names_takes_indexes_or_class_names()
    {
        var coco = Fails("traffic-yolov8-coco");
        var own = Fails("traffic-detector", "vehicleClasses: [car]");

        Assert.Equal(
            $"{Config} (Pipeline:VehicleClasses, not set): model 'gzaiedge-traffic-coco' ({Model("traffic-yolov8-coco")}) names its 80 classes (person, bicycle, car, motorcycle, airplane, …); say which of them Pipeline:VehicleClasses are, by name or index"
            + $"{Environment.NewLine}  {Config} (Pipeline:PedestrianClasses, not set): model 'gzaiedge-traffic-coco' ({Model("traffic-yolov8-coco")}) names its 80 classes (person, bicycle, car, motorcycle, airplane, …); say which of them Pipeline:PedestrianClasses are, by name or index",
            coco.Message);
        Assert.Equal(
            $"{Config}:8 (Pipeline:VehicleClasses:0): model 'traffic-detector' ({Model("traffic-detector")}) has no class names (no 'names' metadata): give them in output order as Pipeline:ClassNames, or use class indexes",
            own.Message);
    }

    [Fact]
    public void A_model_whose_task_is_not_detect_is_refused_with_the_reason()
    {
        var segment = _folder.File("segment.onnx");
        File.WriteAllBytes(segment, OnnxModels.WithMetadata(File.ReadAllBytes(Model("traffic-detector")), ("task", "segment")));

        var ex = Fails(segment);

        Assert.StartsWith($"{Config}:7 (Pipeline:Model): model 'traffic-detector' ({segment}) is an Ultralytics 'segment' model (its task metadata); traffic-detection counts the boxes of a 'detect' model", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("traffic-yolov8-coco-dynamic", "[500, 640]", "images float32[?,3,?,?] cannot run as [1,3,500,640]: the height 500 is not a multiple of the model's stride 40 (the nearest are 480 and 520)")]
    [InlineData("traffic-yolov8-coco", "[480, 640]", "images float32[1,3,640,640] cannot run as [1,3,480,640]: its height is fixed at 640")]
    public void A_size_the_model_cannot_take_is_refused_naming_the_model_and_the_input(string model, string size, string reason)
    {
        var ex = Fails(model, $"imageSize: {size}", "vehicleClasses: [car]", "pedestrianClasses: [person]");

        Assert.Equal($"{Config}:8 (Pipeline:ImageSize): model 'torch_jit' ({Model(model)}) input {reason}", ex.Message);
    }

    private string Config => _folder.File("device.yaml");

    private static string Model(string name) => RepoPaths.Combine("models", $"{name}.onnx");

    // The replay once through the pipeline the config describes (labelled, so precision and recall say which objects were counted as what).
    private (Dictionary<string, double> Kpis, (string Name, string Version) Identity) Run(string model, params string[] pipeline)
    {
        using var services = DeviceConfig.Build(Write(model, pipeline));
        var source = services.GetRequiredService<PipelineHost>().Current;
        var window = new KpiWindow(source.Kpis, Start, TimeSpan.FromSeconds(24), source.InputSample);
        var samples = new List<Sample>();
        source.Tick(Start.AddSeconds(24), 24, samples);
        samples.ForEach(window.Add);
        return (window.Compute(), (source.Model!.Name, source.Model.Version));
    }

    private InvalidDataException Fails(string model, params string[] pipeline)
    {
        using var services = DeviceConfig.Build(Write(model, pipeline));
        return Assert.Throws<InvalidDataException>(() => services.GetRequiredService<PipelineHost>());
    }

    private string Write(string model, string[] pipeline) => DeviceConfig.Write(_folder, $"""
        edge: {"{"} site: s-1, device: d-1, scenario: x {"}"}
        source:
          kind: replay
          path: {RepoPaths.Combine("models", "replay", "traffic")}
          labelled: true
        pipeline:
          model: {(Path.IsPathRooted(model) ? model : Model(model))}
        {string.Join(Environment.NewLine, pipeline.Select(p => $"  {p}"))}
          kind: traffic-detection
        """);
}
