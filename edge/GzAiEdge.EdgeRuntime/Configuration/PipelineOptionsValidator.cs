using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime.Configuration;

/// <summary>
/// Checks the pipeline settings (section <c>Pipeline</c>) at start, naming file, line and key. Reads the source kind
/// (and a sensor's chip) from configuration, not from validated <see cref="SourceOptions"/>, so that a bad source is
/// reported once, under its own key.
/// </summary>
public sealed class PipelineOptionsValidator(ConfigurationLocator locator, IConfiguration configuration, DeviceFiles files) : IValidateOptions<PipelineOptions>
{
    public ValidateOptionsResult Validate(string? name, PipelineOptions options)
    {
        var errors = new OptionErrors(locator);
        var source = configuration[$"{SourceOptions.Section}:Kind"];
        if (source is not ("replay" or "camera" or "sensor"))
        {
            if (!string.IsNullOrEmpty(options.Kind))
            {
                errors.Add("Pipeline:Kind", "a pipeline needs Source:Kind replay, camera or sensor; a simulated source has none");
            }

            return errors.Result();
        }

        if (!PipelineOptions.Kinds.Contains(options.Kind))
        {
            errors.Add("Pipeline:Kind", $"'{options.Kind}' is not one of {string.Join(", ", PipelineOptions.Kinds)}");
        }
        else if (Misfit(source, options.Kind) is { } misfit)
        {
            errors.Add("Pipeline:Kind", misfit);
        }

        if (PipelineOptions.ModelFreeKinds.Contains(options.Kind))
        {
            if (!string.IsNullOrEmpty(options.Model))
            {
                errors.Add("Pipeline:Model", $"'{options.Kind}' runs no model; remove Pipeline:Model");
            }
        }
        else if (string.IsNullOrWhiteSpace(options.Model) || !files.FileExists(options.Model))
        {
            errors.Add("Pipeline:Model", $"model file '{options.Model}' not found{files.Where(options.Model)}");
        }

        if (options.Layout is not ("yolov8" or "yolov5"))
        {
            errors.Add("Pipeline:Layout", $"'{options.Layout}' is not yolov8 or yolov5");
        }

        errors.Fraction("Pipeline:ScoreThreshold", options.ScoreThreshold);
        errors.Fraction("Pipeline:IouThreshold", options.IouThreshold);
        errors.Fraction("Pipeline:DecisionThreshold", options.DecisionThreshold);
        if (options.AnomalyThreshold < 0 || (options.Kind == "vibration-anomaly" && options.AnomalyThreshold == 0))
        {
            errors.Add("Pipeline:AnomalyThreshold", $"{options.AnomalyThreshold} must be over 0 (the model card gives it)");
        }

        if (options.CountingLineY < 0)
        {
            errors.Add("Pipeline:CountingLineY", $"{options.CountingLineY} must be 0 (default) or a row of the frame");
        }

        if (options.HopSamples < 0)
        {
            errors.Add("Pipeline:HopSamples", $"{options.HopSamples} must be 0 (default) or more");
        }

        CheckImageSize(errors, options);
        CheckClasses(errors, "Pipeline:VehicleClasses", options.VehicleClassesOrDefault());
        CheckClasses(errors, "Pipeline:PedestrianClasses", options.PedestrianClassesOrDefault());
        CheckClasses(errors, "Pipeline:ClassNames", options.ClassNames);
        return errors.Result();
    }

    private static void CheckImageSize(OptionErrors errors, PipelineOptions options)
    {
        if (options.ImageSize is not { } size)
        {
            return;
        }

        if (!PipelineOptions.ImageKinds.Contains(options.Kind))
        {
            errors.Add("Pipeline:ImageSize", $"'{options.Kind}' runs no image model; remove Pipeline:ImageSize");
        }
        else if (size.Count is not (1 or 2))
        {
            errors.Add("Pipeline:ImageSize", $"[{string.Join(", ", size)}] is not [height, width] or [side]");
        }
        else
        {
            for (var i = 0; i < size.Count; i++)
            {
                errors.Range($"Pipeline:ImageSize:{i}", size[i], 1, 8192);
            }
        }
    }

    // Which classes exist is the model's to say (checked when it loads); here, that each entry names one, once.
    private static void CheckClasses(OptionErrors errors, string key, IReadOnlyList<string> classes)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < classes.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(classes[i]))
            {
                errors.Add($"{key}:{i}", "is empty; give a class name or index");
            }
            else if (!seen.Add(classes[i].Trim()))
            {
                errors.Add($"{key}:{i}", $"'{classes[i]}' is listed twice");
            }
        }
    }

    /// <summary>Why <paramref name="source"/> cannot feed pipeline <paramref name="kind"/>, or null when it can.</summary>
    private string? Misfit(string source, string kind)
    {
        if (source == "camera")
        {
            return PipelineOptions.ImageKinds.Contains(kind) ? null : $"'{kind}' reads a signal; a camera feeds only {string.Join(" or ", PipelineOptions.ImageKinds)}";
        }

        if (source == "replay")
        {
            return PipelineOptions.ModelFreeKinds.Contains(kind) ? $"'{kind}' reads a live sensor; a replay feeds only models ({string.Join(", ", PipelineOptions.Kinds.Except(PipelineOptions.ModelFreeKinds))})" : null;
        }

        // An unknown chip is reported under Source:Sensor:Chip.
        var chip = configuration[$"{SourceOptions.Section}:Sensor:Chip"] ?? string.Empty;
        return PipelineOptions.SensorKinds.TryGetValue(chip, out var feeds) && feeds != kind
            ? $"'{kind}' cannot read a {chip}; it feeds {feeds} ({string.Join(", ", PipelineOptions.SensorKinds.Select(k => $"{k.Key} → {k.Value}"))})"
            : null;
    }
}
