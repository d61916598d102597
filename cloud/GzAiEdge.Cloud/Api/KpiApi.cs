using GzAiEdge.Contracts.Api;
using GzAiEdge.TimeSeries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GzAiEdge.Cloud.Api;

/// <summary>KPIs read back from InfluxDB.</summary>
public static class KpiApi
{
    public static IEndpointRouteBuilder MapKpiApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/kpis").WithTags("KPIs");
        group.MapGet("/latest", GetLatestAsync);
        return app;
    }

    /// <summary>The latest report of each device and scenario, optionally for one scenario, site or device.</summary>
    public static async Task<Results<Ok<IReadOnlyList<LatestKpis>>, ValidationProblem, ProblemHttpResult>> GetLatestAsync(
        KpiReader kpis, string? scenario, string? site, string? device, CancellationToken cancellationToken)
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
            return TypedResults.Ok(await kpis.LatestAsync(scenario, site, device, cancellationToken));
        }
        catch (InfluxDbUnavailableException ex)
        {
            return ApiProblems.InfluxUnavailable(ex);
        }
    }
}
