using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.Inference;
using Microsoft.Extensions.Configuration;

namespace GzAiEdge.EdgeRuntime.Commands;

/// <summary>
/// The sections a pipeline is built from, read from a configuration (the live one, or the live one with a command's
/// values on top) and checked with the validators the start uses, so that a command cannot set what a start would refuse.
/// </summary>
public sealed record PipelineSettings(SourceOptions Source, PipelineOptions Pipeline, InferenceOptions Inference)
{
    /// <summary>The settings, or null with every reason they cannot be used (each naming the key and where it was set).</summary>
    public static PipelineSettings? Read(IConfiguration configuration, out IReadOnlyList<string> errors)
    {
        SourceOptions source;
        PipelineOptions pipeline;
        InferenceOptions inference;
        try
        {
            source = configuration.GetSection(SourceOptions.Section).Get<SourceOptions>() ?? new SourceOptions();
            pipeline = configuration.GetSection(PipelineOptions.Section).Get<PipelineOptions>() ?? new PipelineOptions();
            inference = configuration.GetSection(InferenceOptions.Section).Get<InferenceOptions>() ?? new InferenceOptions();
        }
        catch (InvalidOperationException ex)
        {
            // The binder's message names the key and the value it could not convert.
            errors = [ex.Message];
            return null;
        }

        var locator = new ConfigurationLocator(configuration);
        var files = new DeviceFiles();
        errors =
        [
            .. new[]
            {
                new SourceOptionsValidator(locator, files).Validate(null, source),
                new PipelineOptionsValidator(locator, configuration, files).Validate(null, pipeline),
                new InferenceOptionsValidator(locator, files).Validate(null, inference),
            }.SelectMany(r => r.Failures ?? []),
        ];
        return errors.Count == 0 ? new PipelineSettings(source, pipeline, inference) : null;
    }
}
