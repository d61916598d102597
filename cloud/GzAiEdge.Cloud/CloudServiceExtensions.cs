using GzAiEdge.Cloud.DeadLetters;
using GzAiEdge.Cloud.Ingestion;
using GzAiEdge.Cloud.TimeSeries;
using GzAiEdge.Scenarios.Catalogue;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Cloud;

public static class CloudServiceExtensions
{
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
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => CatalogueLoader.Load(sp.GetRequiredService<IOptions<IngestionOptions>>().Value.CataloguePath));
        services.AddSingleton<MessageMapper>();
        services.AddSingleton<IngestionStats>();
        services.AddSingleton<BatchWriter>();
        services.AddSingleton<BatchProcessor>();
        services.AddSingleton<IngestionConnection>();
        services.AddHostedService<IngestionService>();
        return builder;
    }
}
