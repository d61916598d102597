namespace GzAiEdge.Evaluation.Tests;

public sealed class EvaluationOptionsValidatorTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(65)]
    public void A_parallelism_outside_1_to_64_is_refused_naming_the_key(int parallelism)
    {
        var result = new EvaluationOptionsValidator().Validate(null, new EvaluationOptions { Parallelism = parallelism });

        Assert.Equal(["Evaluation:Parallelism must be within 1–64"], result.Failures);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    public void A_parallelism_within_1_to_64_is_accepted(int parallelism) =>
        Assert.True(new EvaluationOptionsValidator().Validate(null, new EvaluationOptions { Parallelism = parallelism }).Succeeded);
}
