using GzAiEdge.Configuration;
using GzAiEdge.Ingestion.Bounds;
using GzAiEdge.Ingestion.Broker;
using GzAiEdge.Ingestion.Quota;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Ingestion;

public static class IngestionServiceExtensions
{
    /// <summary>
    /// Ingestion from the broker's shared subscription into InfluxDB (config section <c>Ingestion</c>); needs the
    /// time series, the dead letters and the scenario catalogue (which maps a report's scenario to its sector and lists
    /// the devices that may report for it).
    /// </summary>
    public static IHostApplicationBuilder AddIngestion(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCloudBroker();
        services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.Section).ValidateOnStart();
        services.AddBoundSection<IngestionOptions>(IngestionOptions.Section);
        services.AddSingleton<IValidateOptions<IngestionOptions>, IngestionOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddReportBounds();
        services.AddSingleton<MessageMapper>();
        services.AddSingleton<KpiLineWriter>();
        // Ingestion's own: one batch encoder uses it, and the quota is not thread-safe.
        services.AddSingleton(sp => new DeviceQuota(sp.GetRequiredService<IOptions<IngestionOptions>>().Value.Quota, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<BatchEncoder>();
        services.AddSingleton<IngestionStats>();
        services.AddSingleton<BatchWriter>();
        services.AddSingleton<IngestionMetrics>();
        services.AddSingleton<BatchProcessor>();
        services.AddSingleton<IngestionConnection>();
        services.AddHostedService<IngestionService>();
        return builder;
    }
}
