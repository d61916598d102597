using GzAiEdge.Audits.Storage;
using GzAiEdge.Configuration;
using GzAiEdge.Evaluation.FieldAudits;
using GzAiEdge.FieldAudits.Evidence;
using GzAiEdge.FieldAudits.Items;
using GzAiEdge.FieldAudits.Labels;
using GzAiEdge.FieldAudits.Sampling;
using GzAiEdge.FieldAudits.Scoring;
using GzAiEdge.FieldAudits.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GzAiEdge.FieldAudits;

public static class FieldAuditServiceExtensions
{
    /// <summary>
    /// Field audits (config section <c>FieldAudits</c>): the store of sampled items, their evidence and the evaluators'
    /// labels, in <c>FieldAudits:Path</c>.
    /// </summary>
    public static IHostApplicationBuilder AddFieldAudits(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<FieldAuditsOptions>().BindConfiguration(FieldAuditsOptions.Section).ValidateOnStart();
        services.AddBoundSection<FieldAuditsOptions>(FieldAuditsOptions.Section);
        services.AddSingleton<IValidateOptions<FieldAuditsOptions>, FieldAuditsOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new FieldAuditStore(sp.GetRequiredService<IOptions<FieldAuditsOptions>>().Value.Path));
        services.AddSingleton(sp => sp.GetRequiredService<FieldAuditStore>().Items);
        services.AddSingleton(sp => sp.GetRequiredService<FieldAuditStore>().Labels);
        services.AddSingleton(sp => sp.GetRequiredService<FieldAuditStore>().Periods);

        // Transient like the InfluxDB reader they use, so that the typed client's handler keeps rotating.
        services.AddTransient<FieldSampler>();
        services.AddTransient<EvidenceIntake>();

        // After AddEvaluation's default (none): the last registration is the one resolved.
        services.AddSingleton<IFieldAuditResults, FieldAuditResults>();
        return builder;
    }
}
