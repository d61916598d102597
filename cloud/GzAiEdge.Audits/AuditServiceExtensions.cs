using GzAiEdge.Audits.Runs;
using GzAiEdge.Audits.Storage;
using GzAiEdge.Audits.TestSets;
using GzAiEdge.Configuration;
using GzAiEdge.Evaluation.Audits;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Audits;

public static class AuditServiceExtensions
{
    /// <summary>
    /// Sealed audit runs (config section <c>Audits</c>): the test-set store, starting audits (needs the device commands
    /// and the programme of evaluation), taking answers (verified with <c>Verification:KeyRegistryPath</c>), and
    /// <see cref="IAuditResults"/> for evaluation.
    /// </summary>
    public static IHostApplicationBuilder AddAudits(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuditsOptions>().BindConfiguration(AuditsOptions.Section).ValidateOnStart();
        services.AddBoundSection<AuditsOptions>(AuditsOptions.Section);
        services.AddSingleton<IValidateOptions<AuditsOptions>, AuditsOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new AuditDatabase(sp.GetRequiredService<IOptions<AuditsOptions>>().Value.Path));
        services.AddSingleton(sp => new BlobStore(sp.GetRequiredService<IOptions<AuditsOptions>>().Value.Path));
        services.AddSingleton<TestSetStore>();
        services.AddSingleton<AuditStore>();
        services.AddSingleton<AnswerIntake>();

        // Transient like the InfluxDB readers they use, so that the typed client's handler keeps rotating.
        services.AddTransient<AuditStarter>();
        services.AddTransient<PartResolver>();
        services.AddTransient<IntegrityFlags>();
        services.AddTransient<AuditQueries>();
        services.AddTransient<IAuditResults, AuditResults>();
        return builder;
    }
}
