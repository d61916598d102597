using GzAiEdge.Configuration;
using GzAiEdge.TimeSeries.Retention;
using Microsoft.Extensions.Options;

namespace GzAiEdge.TimeSeries;

public static class TimeSeriesServiceExtensions
{
    /// <summary>The InfluxDB client (config section <c>InfluxDb</c>) and the readers of the stored schema.</summary>
    public static IHostApplicationBuilder AddTimeSeries(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<InfluxDbOptions>().BindConfiguration(InfluxDbOptions.Section).ValidateOnStart();
        builder.Services.AddBoundSection<InfluxDbOptions>(InfluxDbOptions.Section);
        builder.Services.AddSingleton<IValidateOptions<InfluxDbOptions>, InfluxDbOptionsValidator>();
        builder.Services.AddHttpClient<InfluxDbClient>();

        // Transient like the typed client they use, so that its HttpClient handler keeps rotating.
        builder.Services.AddTransient<KpiReader>();
        builder.Services.AddTransient<DeviceEventReader>();
        builder.Services.AddTransient<ScenarioReader>();
        builder.Services.AddTransient<ChainReader>();
        builder.Services.AddTransient<AuditFieldReader>();
        return builder;
    }

    /// <summary>InfluxDB retention policies and downsampling, set at start (config section <c>Retention</c>); needs <see cref="AddTimeSeries"/>.</summary>
    public static IHostApplicationBuilder AddRetention(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateOnStart();
        builder.Services.AddBoundSection<RetentionOptions>(RetentionOptions.Section);
        builder.Services.AddSingleton<IValidateOptions<RetentionOptions>, RetentionOptionsValidator>();
        builder.Services.AddHostedService<RetentionService>();
        return builder;
    }
}
