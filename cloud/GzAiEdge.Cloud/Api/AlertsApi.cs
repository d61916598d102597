using GzAiEdge.Access;
using GzAiEdge.Access.Authorization;
using GzAiEdge.Access.Scoping;
using GzAiEdge.Monitoring.Alerts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GzAiEdge.Cloud.Api;

/// <summary>
/// Alerts raised by the rules: list (newest first) and acknowledge, each only for the devices the caller sees; an
/// alert the caller may not see answers as if there were none. Acknowledging is recorded in the audit log.
/// </summary>
public static class AlertsApi
{
    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/alerts").WithTags("Alerts");
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.Viewer);
        group.MapPost("/{id:long}/acknowledge", AcknowledgeAsync).RequireAuthorization(Policies.Provider);
        return app;
    }

    /// <param name="active">true: raised and not resolved; false: resolved; absent: both.</param>
    public static async Task<Results<Ok<Page<AlertView>>, ValidationProblem>> ListAsync(
        HttpContext http, SqliteAlertStore store, string? scenario, string? site, string? device, bool? active, int? offset, int? limit,
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

        var scope = AccessScope.Of(http);
        if (scope.SeesAll)
        {
            var (total, items) = await store.ListAsync(new AlertQuery(scenario, site, device, active, skip, take), cancellationToken);
            return TypedResults.Ok(new Page<AlertView>(total, skip, take, items));
        }

        // Alerts are few (one active per rule and device): a scoped caller's are filtered here, then paged.
        var (_, all) = await store.ListAsync(new AlertQuery(scenario, site, device, active, 0, int.MaxValue), cancellationToken);
        return TypedResults.Ok(Page<AlertView>.Of([.. all.Where(a => scope.SeesDevice(a.Site, a.Device, a.Scenario))], skip, take));
    }

    public static async Task<Results<Ok<AlertView>, ProblemHttpResult>> AcknowledgeAsync(
        HttpContext http, SqliteAlertStore store, AlertPublisher publisher, TimeProvider time, long id, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is not { } found || !AccessScope.Of(http).SeesDevice(found.Site, found.Device, found.Scenario)
            || await store.AcknowledgeAsync(id, time.GetUtcNow(), cancellationToken) is not { } alert)
        {
            return ApiProblems.NotFound($"there is no alert {id}");
        }

        publisher.Publish(alert);
        await http.AuditAsync("alert.acknowledge", id.ToString(System.Globalization.CultureInfo.InvariantCulture), details: $"{alert.Scenario} {alert.Site}/{alert.Device}: {alert.Message}");
        return TypedResults.Ok(alert);
    }
}
