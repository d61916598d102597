using GzAiEdge.Cloud.Alerts;
using GzAiEdge.Cloud.DeadLetters;
using GzAiEdge.Cloud.Evaluation;
using GzAiEdge.Cloud.Ingestion;
using GzAiEdge.Cloud.Models;
using GzAiEdge.Cloud.TimeSeries;
using GzAiEdge.Cloud.Verification;
using GzAiEdge.Scenarios.Catalogue;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Cloud;

public static class CloudServiceExtensions
{
    /// <summary>
    /// Resolves everything the cloud config decides, so that a bad config is reported before the
    /// host starts. Throws one <see cref="OptionsValidationException"/> naming each bad key and each
    /// catalogue or alert-rules mistake with its file and line.
    /// </summary>
    public static void ValidateCloudConfiguration(this IServiceProvider services)
    {
        var failures = new List<string>();
        Collect(failures, () => services.GetRequiredService<IOptions<InfluxDbOptions>>().Value);
        Collect(failures, () => services.GetRequiredService<IOptions<IngestionOptions>>().Value);
        Collect(failures, () => services.GetRequiredService<IOptions<AlertOptions>>().Value);
        Collect(failures, () => services.GetRequiredService<IOptions<EvaluationOptions>>().Value);
        Collect(failures, () => services.GetRequiredService<IOptions<ModelsOptions>>().Value);
        Collect(failures, services.GetRequiredService<ScenarioCatalogue>);
        if (failures.Count > 0)
        {
            // Distinct: the catalogue's path is an ingestion option, so a bad one is reported twice.
            throw new OptionsValidationException("cloud configuration", typeof(IngestionOptions), failures.Distinct());
        }
    }

    /// <summary>InfluxDB client (config section <c>InfluxDb</c>).</summary>
    public static IHostApplicationBuilder AddTimeSeries(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<InfluxDbOptions>().BindConfiguration(InfluxDbOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<InfluxDbOptions>, InfluxDbOptionsValidator>();
        builder.Services.AddHttpClient<InfluxDbClient>();
        return builder;
    }

    /// <summary>Dead-letter store (config key <c>DeadLetters:Path</c>, a SQLite file).</summary>
    public static IHostApplicationBuilder AddDeadLetters(this IHostApplicationBuilder builder)
    {
        var path = builder.Configuration["DeadLetters:Path"] ?? "dead-letters.db";
        builder.Services.AddSingleton<IDeadLetterStore>(_ => new SqliteDeadLetterStore(Path.GetFullPath(path)));
        return builder;
    }

    /// <summary>Ingestion from the broker's shared subscription into InfluxDB.</summary>
    public static IHostApplicationBuilder AddIngestion(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IngestionOptions>, IngestionOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => CatalogueLoader.Load(sp.GetRequiredService<IOptions<IngestionOptions>>().Value.CataloguePath));
        services.AddSingleton<MessageMapper>();
        services.AddSingleton<KpiLineWriter>();
        services.AddSingleton<BatchEncoder>();
        services.AddSingleton<IngestionStats>();
        services.AddSingleton<BatchWriter>();
        services.AddSingleton<BatchProcessor>();
        services.AddSingleton<IngestionConnection>();
        services.AddHostedService<IngestionService>();
        return builder;
    }

    /// <summary>Chain verification over stored reports (config section <c>Verification</c>).</summary>
    public static IHostApplicationBuilder AddVerification(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<VerificationOptions>().BindConfiguration(VerificationOptions.Section);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddTransient<ChainReader>();
        builder.Services.AddTransient<ChainVerificationService>();
        return builder;
    }

    // Every section is checked, so that one start reports every mistake, not only the first.
    private static void Collect(List<string> failures, Func<object> resolve)
    {
        try
        {
            resolve();
        }
        catch (OptionsValidationException ex)
        {
            failures.AddRange(ex.Failures);
        }
        catch (CatalogueException ex)
        {
            failures.AddRange(ex.Message.Split(Environment.NewLine));
        }
    }
}
