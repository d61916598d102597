using Microsoft.Extensions.Options;

namespace GzAiEdge.FieldAudits;

/// <summary>Checks the field-audit settings at start, naming the key.</summary>
public sealed class FieldAuditsOptionsValidator : IValidateOptions<FieldAuditsOptions>
{
    public ValidateOptionsResult Validate(string? name, FieldAuditsOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            errors.Add("FieldAudits:Path: must name the field-audit store folder");
        }

        Range(errors, "ItemsPerStratum", options.ItemsPerStratum, 1, 100);
        Range(errors, "MaxEvidenceBytes", options.MaxEvidenceBytes, 1024, 256 * 1024 * 1024);
        Range(errors, "AnswerMinutes", options.AnswerMinutes, 1, 7 * 24 * 60);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Range(List<string> errors, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add($"FieldAudits:{key} = {value}: must be between {min} and {max}");
        }
    }
}
