using GzAiEdge.Access.Authorization;
using GzAiEdge.Audits.Runs;
using GzAiEdge.Evaluation;
using GzAiEdge.Ingestion;
using GzAiEdge.Monitoring.Live;
using Microsoft.AspNetCore.Routing;
using OpenTelemetry.Metrics;

namespace GzAiEdge.Cloud.Hosting;

/// <summary>
/// OpenTelemetry metrics of every area, exported for Prometheus at <c>/metrics</c> (text exposition format). Who may
/// read it: admins only, like the ingestion stats; a Prometheus server scrapes with an admin's personal token from a
/// file only it can read (<c>bearer_token_file</c>, docs/operations.md). The numbers are programme-wide (every
/// provider's traffic and dead letters), which no narrower role may see.
/// </summary>
public static class CloudMetrics
{
    /// <summary>The meters the cloud exports: one per area that has instruments.</summary>
    public static readonly string[] Meters =
        [IngestionMetrics.MeterName, LiveHub.MeterName, EvaluationMetrics.MeterName, AuditMetrics.MeterName, "Microsoft.AspNetCore.Hosting"];

    public static IHostApplicationBuilder AddCloudMetrics(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(Meters).AddPrometheusExporter());
        return builder;
    }

    public static WebApplication MapCloudMetrics(this WebApplication app)
    {
        // The exporter maps every method; routing honours the method metadata, so only GET (and HEAD) reach it.
        app.MapPrometheusScrapingEndpoint("/metrics").WithMetadata(new HttpMethodMetadata(["GET"])).RequireAuthorization(Policies.Admin);
        return app;
    }
}
