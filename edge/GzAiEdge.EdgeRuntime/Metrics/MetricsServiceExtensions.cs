using GzAiEdge.Configuration;
using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.EdgeRuntime.Publishing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace GzAiEdge.EdgeRuntime.Metrics;

public static class MetricsServiceExtensions
{
    /// <summary>
    /// Prometheus metrics at <c>http://Metrics:Address:Metrics:Port/metrics</c> (OpenTelemetry's HttpListener exporter:
    /// the worker has no web server), when <c>Metrics:Port</c> is set.
    /// </summary>
    public static IHostApplicationBuilder AddEdgeMetrics(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section).ValidateOnStart();
        services.AddBoundSection<MetricsOptions>(MetricsOptions.Section);
        services.AddSingleton<IValidateOptions<MetricsOptions>, MetricsOptionsValidator>();
        var options = builder.Configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new MetricsOptions();
        if (options.Port is > 0 and <= 65535 && System.Net.IPAddress.TryParse(options.Address, out var address))
        {
            services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(EdgeMetrics.MeterName)
                .AddPrometheusHttpListener(o => (o.Host, o.Port) = (address.ToString(), options.Port)));
            services.AddHostedService<OutboxObservation>();
        }

        return builder;
    }

    // Observable instruments read the outbox only when scraped; registered once the outbox exists.
    private sealed class OutboxObservation(Outbox outbox) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            EdgeMetrics.Observe(outbox);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
