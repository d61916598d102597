using Microsoft.Extensions.Options;

namespace GzAiEdge.TimeSeries.Retention;

/// <summary>Fails the start on a bad retention config, naming each key.</summary>
public sealed class RetentionOptionsValidator : IValidateOptions<RetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        var failures = new List<string>();
        // Shorter than the longest evaluation period would delete reports an evaluation may be re-run over.
        if (options.RawDays is not 0 and (< 35 or > 36_500))
        {
            failures.Add($"Retention:RawDays = {options.RawDays} must be 0 (forever) or within 35–36500 (ingestion takes reports up to 35 days old)");
        }

        if (options.DownsampledDays is < 0 or > 36_500)
        {
            failures.Add($"Retention:DownsampledDays = {options.DownsampledDays} must be 0 (forever) or within 1–36500");
        }

        if (options.DownsampleMinutes is < 1 or > 1440)
        {
            failures.Add($"Retention:DownsampleMinutes = {options.DownsampleMinutes} must be within 1–1440");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
