using Microsoft.Extensions.Options;

namespace GzAiEdge.Evaluation;

/// <summary>Fails the start on a bad evaluation config, naming each key.</summary>
public sealed class EvaluationOptionsValidator : IValidateOptions<EvaluationOptions>
{
    public ValidateOptionsResult Validate(string? name, EvaluationOptions options) =>
        options.Parallelism is >= 1 and <= 64
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Evaluation:Parallelism must be within 1–64");
}
