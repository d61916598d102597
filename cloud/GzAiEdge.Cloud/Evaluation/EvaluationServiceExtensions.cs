namespace GzAiEdge.Cloud.Evaluation;

public static class EvaluationServiceExtensions
{
    /// <summary>Scenario evaluation (config section <c>Evaluation</c>); needs <see cref="CloudServiceExtensions.AddTimeSeries"/>.</summary>
    public static IHostApplicationBuilder AddEvaluation(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<EvaluationOptions>().BindConfiguration(EvaluationOptions.Section)
            .Validate(o => o.Parallelism is >= 1 and <= 64, "Evaluation:Parallelism must be within 1–64").ValidateOnStart();
        services.AddSingleton<ProgrammeSource>();
        services.AddSingleton<IEvidenceVerifier, EvidenceNotChecked>();
        // Transient like the typed InfluxDbClient they use, so its HttpClient handler keeps rotating.
        services.AddTransient<ScenarioEvaluator>();
        services.AddTransient<ProgrammeEvaluator>();
        return builder;
    }
}
