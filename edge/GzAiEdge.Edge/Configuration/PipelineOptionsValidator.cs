using GzAiEdge.Inference;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Edge.Configuration;

/// <summary>
/// Checks the model pipeline and inference settings at start, naming file, line and key. Reads the source
/// kind from configuration, not from validated <see cref="SourceOptions"/>, so that a bad source is
/// reported once, under its own key.
/// </summary>
public sealed class PipelineOptionsValidator(ConfigurationLocator locator, IConfiguration configuration, DeviceFiles files) :
    IValidateOptions<PipelineOptions>, IValidateOptions<InferenceOptions>
{
    public ValidateOptionsResult Validate(string? name, PipelineOptions options)
    {
        var errors = new List<string>();
        var source = configuration[$"{SourceOptions.Section}:Kind"];
        if (source is not ("replay" or "camera"))
        {
            if (!string.IsNullOrEmpty(options.Kind))
            {
                errors.Add($"{locator.Describe("Pipeline:Kind")}: a model pipeline needs Source:Kind replay or camera; a simulated source has no model");
            }

            return Result(errors);
        }

        if (!PipelineOptions.Kinds.Contains(options.Kind))
        {
            errors.Add($"{locator.Describe("Pipeline:Kind")}: '{options.Kind}' is not one of {string.Join(", ", PipelineOptions.Kinds)}");
        }
        else if (source == "camera" && !PipelineOptions.ImageKinds.Contains(options.Kind))
        {
            errors.Add($"{locator.Describe("Pipeline:Kind")}: '{options.Kind}' reads a signal; a camera feeds only {string.Join(" or ", PipelineOptions.ImageKinds)}");
        }

        if (string.IsNullOrWhiteSpace(options.Model) || !files.FileExists(options.Model))
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
