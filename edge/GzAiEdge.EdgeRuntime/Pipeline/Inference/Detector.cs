using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.Inference;
using GzAiEdge.Inference.Processing;

namespace GzAiEdge.EdgeRuntime.Pipeline.Inference;

/// <summary>
/// What traffic detection needs of a model, checked once when the pipeline starts: a detector (an Ultralytics
/// export says so in its <c>task</c>), an output in the configured YOLO layout, and the counted classes, by index
/// or by name (<see cref="DetectionClasses"/>).
/// </summary>
internal sealed record Detector(YoloDecoder Decoder, IReadOnlySet<int> Vehicles, IReadOnlySet<int> Pedestrians)
{
    /// <exception cref="SettingsException">The model is not a detector, or a counted class is not one of its classes.</exception>
    /// <exception cref="InvalidDataException">The output is not in the configured layout.</exception>
    public static Detector Open(ModelRunner runner, PipelineOptions options)
    {
        if (runner.Metadata?.Task is { } task && task != "detect")
        {
            throw new SettingsException("Pipeline:Model",
                $"{DetectionClasses.Describe(runner)} is an Ultralytics '{task}' model (its task metadata); traffic-detection counts the boxes of a " +
                "'detect' model: export the detection weights (yolov8n.pt rather than yolov8n-seg.pt, -pose, -obb or -cls)");
        }

        var decoder = MakeDecoder(runner, options);
        var (vehicles, pedestrians) = DetectionClasses.Resolve(runner, options, decoder.Classes);
        return new Detector(decoder, vehicles, pedestrians);
    }

    // The anchors N come from the bound output: a dynamic-axes export has N only once its input size is chosen.
    private static YoloDecoder MakeDecoder(ModelRunner runner, PipelineOptions options)
    {
        var output = runner.Session.Outputs[0];
        var shape = runner.Binding.OutputShape(0);
        var layout = options.Layout == "yolov5" ? YoloLayout.V5 : YoloLayout.V8;
        var fixedRows = layout == YoloLayout.V8 ? 4 : 5;
        if (shape.Length != 3 || shape[0] != 1)
        {
            throw new InvalidDataException($"model '{runner.Session.GraphName}' output {output} is not a {options.Layout} detector output");
        }

        var (classes, anchors) = layout == YoloLayout.V8
            ? ((int)shape[1] - fixedRows, (int)shape[2])
            : ((int)shape[2] - fixedRows, (int)shape[1]);
        return classes < 1
            ? throw new InvalidDataException($"model '{runner.Session.GraphName}' output {output} leaves no class scores in the {options.Layout} layout")
            : new YoloDecoder(layout, classes, anchors, (float)options.ScoreThreshold, (float)options.IouThreshold);
    }
}
