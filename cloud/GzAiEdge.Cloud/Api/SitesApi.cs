using GzAiEdge.Access;
using GzAiEdge.Access.Authorization;
using GzAiEdge.Access.Scoping;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Monitoring.Live;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GzAiEdge.Cloud.Api;

/// <summary>Sites, as the devices that report from them make them known; each caller sees the sites of the devices they see.</summary>
public static class SitesApi
{
    public static IEndpointRouteBuilder MapSitesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/sites").WithTags("Sites").RequireAuthorization(Policies.Viewer);
        group.MapGet("/", List);
        group.MapGet("/{site}", Get);
        return app;
    }

    public static Results<Ok<Page<SiteView>>, ValidationProblem> List(HttpContext http, DeviceRegistry registry, int? offset, int? limit)
    {
        var checks = new ApiChecks();
        var (skip, take) = checks.Paging(offset, limit);
        return checks.Failed ? TypedResults.ValidationProblem(checks.Errors) : TypedResults.Ok(Page<SiteView>.Of(Sites(registry, AccessScope.Of(http)), skip, take));
    }

    public static Results<Ok<SiteView>, ValidationProblem, ProblemHttpResult> Get(HttpContext http, DeviceRegistry registry, string site)
    {
        var checks = new ApiChecks();
        checks.Id("site", site);
        if (checks.Failed)
        {
            return TypedResults.ValidationProblem(checks.Errors);
        }

        return Sites(registry, AccessScope.Of(http)).FirstOrDefault(s => s.Site == site) is { } found
            ? TypedResults.Ok(found)
            : ApiProblems.NotFound($"no device has reported from site '{site}'");
    }

    private static List<SiteView> Sites(DeviceRegistry registry, AccessScope scope) =>
    [
        .. registry.All().Where(d => scope.SeesDevice(d.Site, d.Device, d.Scenario)).GroupBy(d => d.Site).Select(g => new SiteView(
            g.Key,
            g.Count(),
            g.Count(d => d.State == DeviceState.Online),
            [.. g.Select(d => d.Scenario).OfType<string>().Distinct().Order(StringComparer.Ordinal)])),
    ];
}

/// <summary>A site: how many devices report from it, how many are online, and for which scenarios.</summary>
public sealed record SiteView(string Site, int Devices, int Online, IReadOnlyList<string> Scenarios);
