using GzAiEdge.Inference;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime.Configuration;

/// <summary>
/// Checks the pipeline and inference settings at start, naming file, line and key. Reads the source kind (and a
/// sensor's chip) from configuration, not from validated <see cref="SourceOptions"/>, so that a bad source is
/// reported once, under its own key.
/// </summary>
public sealed class PipelineOptionsValidator(ConfigurationLocator locator, IConfiguration configuration, DeviceFiles files) :
    IValidateOptions<PipelineOptions>, IValidateOptions<InferenceOptions>
{
    public ValidateOptionsResult Validate(string? name, PipelineOptions options)
    {
        var errors = new List<string>();
        var source = configuration[$"{SourceOptions.Section}:Kind"];
        if (source is not ("replay" or "camera" or "sensor"))
        {
            if (!string.IsNullOrEmpty(options.Kind))
            {
                errors.Add($"{locator.Describe("Pipeline:Kind")}: a pipeline needs Source:Kind replay, camera or sensor; a simulated source has none");
            }

            return Result(errors);
        }

        if (!PipelineOptions.Kinds.Contains(options.Kind))
        {
            errors.Add($"{locator.Describe("Pipeline:Kind")}: '{options.Kind}' is not one of {string.Join(", ", PipelineOptions.Kinds)}");
        }
        else if (Misfit(source, options.Kind) is { } misfit)
        {
            errors.Add($"{locator.Describe("Pipeline:Kind")}: {misfit}");
        }

        if (PipelineOptions.ModelFreeKinds.Contains(options.Kind))
        {
            if (!string.IsNullOrEmpty(options.Model))
            {
                errors.Add($"{locator.Describe("Pipeline:Model")}: '{options.Kind}' runs no model; remove Pipeline:Model");
            }
        }
        else if (string.IsNullOrWhiteSpace(options.Model) || !files.FileExists(options.Model))
        {
            errors.Add($"{locator.Describe("Pipeline:Model")}: model file '{options.Model}' not found{files.Where(options.Model)}");
        }

        if (options.Layout is not ("yolov8" or "yolov5"))
        {
            errors.Add($"{locator.Describe("Pipeline:Layout")}: '{options.Layout}' is not yolov8 or yolov5");
        }

        Fraction(errors, "Pipeline:ScoreThreshold", options.ScoreThreshold);
        Fraction(errors, "Pipeline:IouThreshold", options.IouThreshold);
        Fraction(errors, "Pipeline:DecisionThreshold", options.DecisionThreshold);
        if (options.AnomalyThreshold < 0 || (options.Kind == "vibration-anomaly" && options.AnomalyThreshold == 0))
        {
            errors.Add($"{locator.Describe("Pipeline:AnomalyThreshold")}: {options.AnomalyThreshold} must be over 0 (the model card gives it)");
        }

        if (options.CountingLineY < 0)
        {
            errors.Add($"{locator.Describe("Pipeline:CountingLineY")}: {options.CountingLineY} must be 0 (default) or a row of the frame");
        }

        if (options.HopSamples < 0)
        {
            errors.Add($"{locator.Describe("Pipeline:HopSamples")}: {options.HopSamples} must be 0 (default) or more");
        }

        return Result(errors);
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

    public ValidateOptionsResult Validate(string? name, InferenceOptions options)
    {
        var errors = new List<string>();
        if (options.IntraOpThreads is < 0 or > 256)
        {
            errors.Add($"{locator.Describe("Inference:IntraOpThreads")}: {options.IntraOpThreads} is outside 0..256 (0 lets ONNX Runtime choose)");
        }

        var known = InferenceOptions.KnownExecutionProviders;
        for (var i = 0; i < options.ExecutionProviders.Count; i++)
        {
            if (!known.Contains(options.ExecutionProviders[i]))
            {
                errors.Add($"{locator.Describe($"Inference:ExecutionProviders:{i}")}: '{options.ExecutionProviders[i]}' is not {string.Join(", ", known.SkipLast(1))} or {known[^1]}");
            }
        }

        if (options.NativeLibraryPath is { Length: > 0 } path && !files.FileExists(path))
        {
            errors.Add($"{locator.Describe("Inference:NativeLibraryPath")}: file '{path}' not found{files.Where(path)}");
        }

        return Result(errors);
    }

    private void Fraction(List<string> errors, string key, double value)
    {
        if (value is <= 0 or >= 1)
        {
            errors.Add($"{locator.Describe(key)}: {value} is outside 0 < value < 1");
        }
    }

    private static ValidateOptionsResult Result(List<string> errors) =>
        errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
}
