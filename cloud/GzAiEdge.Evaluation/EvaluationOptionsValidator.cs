using Microsoft.Extensions.Options;

namespace GzAiEdge.Evaluation;

/// <summary>Fails the start on a bad evaluation config, naming each key.</summary>
public sealed class EvaluationOptionsValidator : IValidateOptions<EvaluationOptions>
{
    public ValidateOptionsResult Validate(string? name, EvaluationOptions options)
    {
        var failures = new List<string>();
        if (options.Parallelism is < 1 or > 64)
        {
            failures.Add("Evaluation:Parallelism must be within 1–64");
        }

        if (options.MaxPeriodDays is < 1 or > 3660)
        {
            failures.Add("Evaluation:MaxPeriodDays must be within 1–3660");
        }

        if (string.IsNullOrWhiteSpace(options.PublishedPath))
        {
            failures.Add("Evaluation:PublishedPath must name the published leaderboards' SQLite file");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
