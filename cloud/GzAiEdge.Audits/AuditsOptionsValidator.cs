using GzAiEdge.Contracts.Signing;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Audits;

/// <summary>Checks the audit settings at start, naming the key.</summary>
public sealed class AuditsOptionsValidator : IValidateOptions<AuditsOptions>
{
    public ValidateOptionsResult Validate(string? name, AuditsOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            errors.Add("Audits:Path: must name the test-set and audit store folder");
        }

        if (options.SigningKeyFile is { Length: > 0 } key)
        {
            try
            {
                ProgrammeSigner.FromPemFile(key).Dispose();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                errors.Add($"Audits:SigningKeyFile = '{key}': {ex.Message}");
            }
        }

        Range(errors, "DeadlineMinutes", options.DeadlineMinutes, 1, 7 * 24 * 60);
        Range(errors, "FieldWindowMinutes", options.FieldWindowMinutes, 1, 24 * 60);
        Range(errors, "MaxAnswerBytes", options.MaxAnswerBytes, 1024, int.MaxValue);
        if (options.RepeatShare is < 0 or > 1)
        {
            errors.Add($"Audits:RepeatShare = {options.RepeatShare}: must be 0 to 1");
        }

        if (options.LatencyRatio < 1 || options.LatencySlackMs < 0)
        {
            errors.Add($"Audits:LatencyRatio = {options.LatencyRatio}, LatencySlackMs = {options.LatencySlackMs}: a factor of 1 or more and milliseconds of 0 or more");
        }

        return errors.Count > 0 ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }

    private static void Range(List<string> errors, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add($"Audits:{key} = {value}: must be {min} to {max}");
        }
    }
}
