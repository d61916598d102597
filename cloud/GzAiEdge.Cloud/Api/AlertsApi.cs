using GzAiEdge.Monitoring.Alerts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GzAiEdge.Cloud.Api;

/// <summary>Alerts raised by the rules: list (newest first) and acknowledge.</summary>
public static class AlertsApi
{
    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/alerts").WithTags("Alerts");
        group.MapGet("/", ListAsync);
        group.MapPost("/{id:long}/acknowledge", AcknowledgeAsync);
        return app;
    }

    /// <param name="active">true: raised and not resolved; false: resolved; absent: both.</param>
    public static async Task<Results<Ok<Page<AlertView>>, ValidationProblem>> ListAsync(
        SqliteAlertStore store, string? scenario, string? site, string? device, bool? active, int? offset, int? limit,
        CancellationToken cancellationToken)
    {
        var checks = new ApiChecks();
        checks.Id("scenario", scenario);
        checks.Id("site", site);
        checks.Id("device", device);
        var (skip, take) = checks.Paging(offset, limit);
        if (checks.Failed)
        {
            return TypedResults.ValidationProblem(checks.Errors);
        }

        var (total, items) = await store.ListAsync(new AlertQuery(scenario, site, device, active, skip, take), cancellationToken);
        return TypedResults.Ok(new Page<AlertView>(total, skip, take, items));
    }

    public static async Task<Results<Ok<AlertView>, ProblemHttpResult>> AcknowledgeAsync(
        SqliteAlertStore store, AlertPublisher publisher, TimeProvider time, long id, CancellationToken cancellationToken)
    {
        if (await store.AcknowledgeAsync(id, time.GetUtcNow(), cancellationToken) is not { } alert)
        {
            return ApiProblems.NotFound($"there is no alert {id}");
        }

        publisher.Publish(alert);
        return TypedResults.Ok(alert);
    }
}
