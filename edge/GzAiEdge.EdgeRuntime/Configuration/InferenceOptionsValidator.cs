using GzAiEdge.Inference;
using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime.Configuration;

/// <summary>Checks how sessions run (section <c>Inference</c>), naming file, line and key.</summary>
public sealed class InferenceOptionsValidator(ConfigurationLocator locator, DeviceFiles files) : IValidateOptions<InferenceOptions>
{
    public ValidateOptionsResult Validate(string? name, InferenceOptions options)
    {
        var errors = new OptionErrors(locator);
        if (options.IntraOpThreads is < 0 or > 256)
        {
            errors.Add("Inference:IntraOpThreads", $"{options.IntraOpThreads} is outside 0..256 (0 lets ONNX Runtime choose)");
        }

        var known = InferenceOptions.KnownExecutionProviders;
        for (var i = 0; i < options.ExecutionProviders.Count; i++)
        {
            if (!known.Contains(options.ExecutionProviders[i]))
            {
                errors.Add($"Inference:ExecutionProviders:{i}", $"'{options.ExecutionProviders[i]}' is not {string.Join(", ", known.SkipLast(1))} or {known[^1]}");
            }
        }

        errors.OptionalFile("Inference:NativeLibraryPath", options.NativeLibraryPath, files);
        return errors.Result();
    }
}
