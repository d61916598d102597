using GzAiEdge.Evaluation.Verification;
using GzAiEdge.TimeSeries;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Evaluation;

public static class EvaluationServiceExtensions
{
    /// <summary>Scenario evaluation (config section <c>Evaluation</c>); needs <see cref="TimeSeriesServiceExtensions.AddTimeSeries"/> (InfluxDB and the scenario reader)
    /// and reads the <c>Verification</c> section for evidence.</summary>
    public static IHostApplicationBuilder AddEvaluation(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<EvaluationOptions>().BindConfiguration(EvaluationOptions.Section)
            .Validate(o => o.Parallelism is >= 1 and <= 64, "Evaluation:Parallelism must be within 1–64")
            .Validate(o => o.MaxPeriodDays is >= 1 and <= 3660, "Evaluation:MaxPeriodDays must be within 1–3660")
            .Validate(o => !string.IsNullOrWhiteSpace(o.PublishedPath), "Evaluation:PublishedPath must name the published leaderboards' SQLite file").ValidateOnStart();
        services.AddSingleton(sp => new Publishing.PublishedLeaderboards(sp.GetRequiredService<IOptions<EvaluationOptions>>().Value.PublishedPath));
        services.AddSingleton<ProgrammeSource>();
        // Evidence is the devices' signed hash chains, checked against the key registry
        // (Verification:KeyRegistryPath); without a registry every answer is "not checked".
        services.AddTransient<IEvidenceVerifier>(sp => new ChainEvidence(
            new ChainReader(sp.GetRequiredService<InfluxDbClient>()), sp.GetRequiredService<IOptions<VerificationOptions>>().Value.KeyRegistryPath));
        // Transient like the typed InfluxDbClient they use, so its HttpClient handler keeps rotating.
        services.AddTransient<ScenarioEvaluator>();
        services.AddTransient<ProgrammeEvaluator>();
        return builder;
    }
}
