using GzAiEdge.Access.Authorization;
using GzAiEdge.Contracts.Api;
using GzAiEdge.Ingestion;

namespace GzAiEdge.Cloud.Api;

/// <summary>This instance's ingestion counters, for operators and for scale-out checks.</summary>
public static class IngestionApi
{
    public static IEndpointRouteBuilder MapIngestionApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/ingestion/stats", (IngestionStats stats) =>
                TypedResults.Ok(new IngestionStatsView(stats.Batches, stats.Stored, stats.DeadLettered) { OverQuota = stats.OverQuota }))
            .WithTags("Ingestion").RequireAuthorization(Policies.Admin);
        return app;
    }
}
