using Microsoft.Extensions.Options;

namespace GzAiEdge.Evaluation.Evidence;

/// <summary>Fails the start on a bad evidence config, naming each key.</summary>
public sealed class EvidenceOptionsValidator : IValidateOptions<EvidenceOptions>
{
    public ValidateOptionsResult Validate(string? name, EvidenceOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.SpansPath))
        {
            failures.Add("Evidence:SpansPath must name the verified spans' SQLite file");
        }

        if (options.IndexIntervalSeconds is < 1 or > 86_400)
        {
            failures.Add("Evidence:IndexIntervalSeconds must be within 1–86400");
        }

        if (options.IndexDays is < 1 or > 400)
        {
            failures.Add("Evidence:IndexDays must be within 1–400");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
