using GzAiEdge.Cli.DeviceConfigs;
using GzAiEdge.Testing;

namespace GzAiEdge.Cli.Tests.DeviceConfigs;

/// <summary><c>gz config validate</c> loads and runs the model for every source kind, and refuses keys the worker would not read.</summary>
public sealed class ModelCheckTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_camera_devices_model_runs_on_one_synthetic_frame_at_the_cameras_size()
    {
        var path = Write($"""
            edge: {"{"} site: s-1, device: d-1, scenario: x {"}"}
            source: {"{"} kind: camera, camera: {"{"} format: rtsp, input: "rtsp://cam/stream", width: 320, height: 240, fps: 5 {"}"} {"}"}
            pipeline:
              kind: traffic-detection
              model: {RepoPaths.Combine("models", "traffic-yolov8-coco-dynamic.onnx")}
              vehicleClasses: [car, bus, truck]
              pedestrianClasses: [person]
            """);

        var result = DeviceConfigCheck.Run(path, root: null);

        Assert.Empty(result.Problems);
        Assert.Contains("model gzaiedge-traffic-coco v1.0.0 loads, fits traffic-detection and ran on a synthetic 320x240 frame", result.Checked);
    }

    [Fact]
    public void A_sensor_devices_model_runs_on_a_synthetic_signal_in_the_sensors_format()
    {
        var path = Write($"""
            profile: rpi5
            edge: {"{"} site: s-1, device: d-1, scenario: x {"}"}
            source: {"{"} kind: sensor, sampleHz: 20, sensor: {"{"} chip: mpu6050, bus: 1, address: "0x68", axis: z {"}"} {"}"}
            pipeline: {"{"} kind: vibration-anomaly, model: {RepoPaths.Combine("models", "vibration-autoencoder.onnx")}, anomalyThreshold: 0.0167 {"}"}
            """);

        var result = DeviceConfigCheck.Run(path, root: null);

        Assert.Empty(result.Problems);
        Assert.Contains("model vibration-autoencoder v1 loads, fits vibration-anomaly and ran on a synthetic mpu6050 signal", result.Checked);
    }

    [Fact]
    public void A_camera_size_the_model_cannot_take_and_a_task_other_than_detect_are_refused()
    {
        var segment = _folder.File("segment.onnx");
        File.WriteAllBytes(segment, OnnxModels.WithMetadata(File.ReadAllBytes(RepoPaths.Combine("models", "traffic-yolov8-coco.onnx")), ("task", "segment")));
        var sized = Write(Camera(RepoPaths.Combine("models", "traffic-yolov8-coco-dynamic.onnx"), "imageSize: [640, 650]"), "sized.yaml");
        var task = Write(Camera(segment, "imageSize: [640]"), "task.yaml");

        var sizeProblem = Assert.Single(DeviceConfigCheck.Run(sized, root: null).Problems);
        var taskProblem = Assert.Single(DeviceConfigCheck.Run(task, root: null).Problems);

        Assert.Equal($"{sized}:5 (Pipeline:ImageSize): model 'torch_jit' ({RepoPaths.Combine("models", "traffic-yolov8-coco-dynamic.onnx")}) input images float32[?,3,?,?] "
            + "cannot run as [1,3,640,650]: the width 650 is not a multiple of the model's stride 40 (the nearest are 640 and 680)", sizeProblem);
        Assert.StartsWith($"{task}:4 (Pipeline:Model): model 'gzaiedge-traffic-coco' ({segment}) is an Ultralytics 'segment' model", taskProblem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelt_key_fails_validation_with_the_key_it_meant()
    {
        var path = Write($"""
            edge: {"{"} site: s-1, device: d-1, scenario: x {"}"}
            source: {"{"} kind: replay, path: {RepoPaths.Combine("models", "replay", "traffic")} {"}"}
            pipeline:
              kind: traffic-detection
              model: {RepoPaths.Combine("models", "traffic-detector.onnx")}
              scoreTreshold: 0.9
            """);

        var (exitCode, output) = await GzProcesses.RunCliAsync(_folder, "config", "validate", path);

        Assert.Equal(2, exitCode);
        Assert.Equal(
            [$"{path}:6 (Pipeline:scoreTreshold): unknown key; did you mean 'scoreThreshold'?", "1 file checked: 1 with problems (1 problem)"],
            output.TrimEnd().Split('\n'));
    }

    private static string Camera(string model, string size) => $"""
        edge: {"{"} site: s-1, device: d-1, scenario: x {"}"}
        source: {"{"} kind: camera, camera: {"{"} format: lavfi, input: testsrc2, width: 320, height: 240, fps: 5 {"}"} {"}"}
        pipeline:
          model: {model}
          {size}
          vehicleClasses: [car]
          pedestrianClasses: [person]
          kind: traffic-detection
        """;

    // A config without a broker section gets one that opts out of TLS at its end (no line above moves): the configs here
    // test other sections; the TLS rule has its own tests (BrokerOptionsTests, PlaintextConfigTests).
    private string Write(string yaml, string name = "device.yaml")
    {
        var path = _folder.File(name);
        File.WriteAllText(path, yaml.Contains("broker:", StringComparison.Ordinal) ? yaml : yaml.TrimEnd('\n') + "\nbroker: { allowPlaintext: true }\n");
        return path;
    }
}
