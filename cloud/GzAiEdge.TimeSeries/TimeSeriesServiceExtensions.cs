using GzAiEdge.Configuration;
using Microsoft.Extensions.Options;

namespace GzAiEdge.TimeSeries;

public static class TimeSeriesServiceExtensions
{
    /// <summary>The InfluxDB client (config section <c>InfluxDb</c>).</summary>
    public static IHostApplicationBuilder AddTimeSeries(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<InfluxDbOptions>().BindConfiguration(InfluxDbOptions.Section).ValidateOnStart();
        builder.Services.AddBoundSection<InfluxDbOptions>(InfluxDbOptions.Section);
        builder.Services.AddSingleton<IValidateOptions<InfluxDbOptions>, InfluxDbOptionsValidator>();
        builder.Services.AddHttpClient<InfluxDbClient>();
        return builder;
    }
}
