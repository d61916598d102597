using GzAiEdge.Configuration;
using GzAiEdge.Evaluation.Audits;
using GzAiEdge.Evaluation.Evidence;
using GzAiEdge.Evaluation.FieldAudits;
using GzAiEdge.Evaluation.Verification;
using GzAiEdge.TimeSeries;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Evaluation;

public static class EvaluationServiceExtensions
{
    /// <summary>Scenario evaluation (config section <c>Evaluation</c>); needs <see cref="TimeSeriesServiceExtensions.AddTimeSeries"/> (InfluxDB and the scenario reader)
    /// and reads the <c>Verification</c> section for evidence.</summary>
    public static IHostApplicationBuilder AddEvaluation(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<EvaluationOptions>().BindConfiguration(EvaluationOptions.Section).ValidateOnStart();
        services.AddBoundSection<EvaluationOptions>(EvaluationOptions.Section);
        services.AddSingleton<IValidateOptions<EvaluationOptions>, EvaluationOptionsValidator>();
        services.AddSingleton(sp => new Publishing.PublishedLeaderboards(sp.GetRequiredService<IOptions<EvaluationOptions>>().Value.PublishedPath));
        services.AddSingleton<ProgrammeSource>();
        // Evidence is the devices' signed hash chains, checked against the key registry
        // (Verification:KeyRegistryPath); without a registry every answer is "not checked". Each report's
        // signature is checked once: evaluations read the verified spans (Evidence section).
        services.AddOptions<EvidenceOptions>().BindConfiguration(EvidenceOptions.Section).ValidateOnStart();
        services.AddBoundSection<EvidenceOptions>(EvidenceOptions.Section);
        services.AddSingleton<IValidateOptions<EvidenceOptions>, EvidenceOptionsValidator>();
        services.AddSingleton(sp => new EvidenceSpanStore(sp.GetRequiredService<IOptions<EvidenceOptions>>().Value.SpansPath));
        services.AddSingleton(sp => new KeyRegistryCache(sp.GetRequiredService<IOptions<VerificationOptions>>().Value.KeyRegistryPath));
        services.AddTransient(sp => new IncrementalChainEvidence(new ChainReader(sp.GetRequiredService<InfluxDbClient>()),
            sp.GetRequiredService<EvidenceSpanStore>(), sp.GetRequiredService<KeyRegistryCache>()));
        services.AddTransient<IEvidenceVerifier>(sp => sp.GetRequiredService<IncrementalChainEvidence>());
        // Accuracy KPIs come from audits; until an audit store is wired every device has none (results provisional).
        services.TryAddSingleton<IAuditResults, NoAuditResults>();
        // Field accuracy KPIs come from field audits' labels; without that store they are missing.
        services.TryAddSingleton<IFieldAuditResults, NoFieldAuditResults>();

        // Transient like the typed InfluxDbClient they use, so its HttpClient handler keeps rotating.
        services.AddTransient<ScenarioEvaluator>();
        services.AddTransient<ProgrammeEvaluator>();
        return builder;
    }

    /// <summary>The background service that verifies reports as they arrive (<see cref="EvidenceIndexer"/>); needs <see cref="AddEvaluation"/>.</summary>
    public static IHostApplicationBuilder AddEvidenceIndexing(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHostedService<EvidenceIndexer>();
        return builder;
    }
}
