using GzAiEdge.Access.Authorization;
using GzAiEdge.Access.Scoping;
using GzAiEdge.Contracts.Api;
using GzAiEdge.TimeSeries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GzAiEdge.Cloud.Api;

/// <summary>KPIs read back from InfluxDB.</summary>
public static class KpiApi
{
    public static IEndpointRouteBuilder MapKpiApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/kpis").WithTags("KPIs").RequireAuthorization(Policies.Viewer);
        group.MapGet("/latest", GetLatestAsync);
        return app;
    }

    /// <summary>The latest report of each device and scenario the caller sees, optionally for one scenario, site or device.</summary>
    public static async Task<Results<Ok<IReadOnlyList<LatestKpis>>, ValidationProblem, ProblemHttpResult>> GetLatestAsync(
        HttpContext http, KpiReader kpis, string? scenario, string? site, string? device, CancellationToken cancellationToken)
    {
        var checks = new ApiChecks();
        checks.Id("scenario", scenario);
        checks.Id("site", site);
        checks.Id("device", device);
        if (checks.Failed)
        {
            return TypedResults.ValidationProblem(checks.Errors);
        }

        try
        {
            var rows = await kpis.LatestAsync(scenario, site, device, cancellationToken);
            var scope = AccessScope.Of(http);
            return TypedResults.Ok(scope.SeesAll ? rows : [.. rows.Where(r => scope.SeesDevice(r.Site, r.Device, r.Scenario))]);
        }
        catch (InfluxDbUnavailableException ex)
        {
            return ApiProblems.InfluxUnavailable(ex);
        }
    }
}
