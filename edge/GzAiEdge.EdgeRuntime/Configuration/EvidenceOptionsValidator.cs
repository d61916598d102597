using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime.Configuration;

/// <summary>Checks the evidence ring's bounds (section <c>Evidence</c>), naming file, line and key.</summary>
public sealed class EvidenceOptionsValidator(ConfigurationLocator locator) : IValidateOptions<EvidenceOptions>
{
    public ValidateOptionsResult Validate(string? name, EvidenceOptions options)
    {
        var errors = new OptionErrors(locator);
        errors.Range("Evidence:Minutes", options.Minutes, 1, 7 * 24 * 60);
        errors.Range("Evidence:MaxBytes", options.MaxBytes, 1024 * 1024, 1024L * 1024 * 1024 * 1024);
        if (!double.IsFinite(options.EverySeconds) || options.EverySeconds < 0 || options.EverySeconds > 3600)
        {
            errors.Add("Evidence:EverySeconds", $"{options.EverySeconds} must be between 0 (every input) and 3600");
        }

        if (options.Path is { Length: 0 })
        {
            errors.Add("Evidence:Path", "must name a folder, or be left out for {stateDirectory}/{device}.evidence");
        }

        return errors.Result();
    }
}
