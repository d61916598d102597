using GzAiEdge.Contracts.Messages;
using GzAiEdge.Monitoring.Live;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GzAiEdge.Cloud.Api;

/// <summary>Sites, as the devices that report from them make them known.</summary>
public static class SitesApi
{
    public static IEndpointRouteBuilder MapSitesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/sites").WithTags("Sites");
        group.MapGet("/", List);
        group.MapGet("/{site}", Get);
        return app;
    }

    public static Results<Ok<Page<SiteView>>, ValidationProblem> List(DeviceRegistry registry, int? offset, int? limit)
    {
        var checks = new ApiChecks();
        var (skip, take) = checks.Paging(offset, limit);
        return checks.Failed ? TypedResults.ValidationProblem(checks.Errors) : TypedResults.Ok(Page<SiteView>.Of(Sites(registry), skip, take));
    }

    public static Results<Ok<SiteView>, ValidationProblem, ProblemHttpResult> Get(DeviceRegistry registry, string site)
    {
        var checks = new ApiChecks();
        checks.Id("site", site);
        if (checks.Failed)
        {
            return TypedResults.ValidationProblem(checks.Errors);
        }

        return Sites(registry).FirstOrDefault(s => s.Site == site) is { } found
            ? TypedResults.Ok(found)
            : ApiProblems.NotFound($"no device has reported from site '{site}'");
    }

    private static List<SiteView> Sites(DeviceRegistry registry) =>
    [
        .. registry.All().GroupBy(d => d.Site).Select(g => new SiteView(
            g.Key,
            g.Count(),
            g.Count(d => d.State == DeviceState.Online),
            [.. g.Select(d => d.Scenario).OfType<string>().Distinct().Order(StringComparer.Ordinal)])),
    ];
}

/// <summary>A site: how many devices report from it, how many are online, and for which scenarios.</summary>
public sealed record SiteView(string Site, int Devices, int Online, IReadOnlyList<string> Scenarios);
