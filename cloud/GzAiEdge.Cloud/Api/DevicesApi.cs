using GzAiEdge.Access;
using GzAiEdge.Access.Authorization;
using GzAiEdge.Access.Scoping;
using GzAiEdge.Contracts.Api;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Monitoring.Live;
using GzAiEdge.TimeSeries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GzAiEdge.Cloud.Api;

/// <summary>
/// Devices: online or offline from the retained state topic and the broker's last will, with the
/// last heartbeat, outbox depth, model and completeness this instance saw; recent events from InfluxDB. A device the
/// caller may not see answers as if it were not known.
/// </summary>
public static class DevicesApi
{
    private static readonly string[] States = [DeviceState.Online, DeviceState.Offline, DeviceRegistry.Unknown];

    public static IEndpointRouteBuilder MapDevicesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/devices").WithTags("Devices").RequireAuthorization(Policies.Viewer);
        group.MapGet("/", List);
        group.MapGet("/{site}/{device}", Get);
        group.MapGet("/{site}/{device}/events", GetEventsAsync);
        return app;
    }

    public static Results<Ok<Page<DeviceView>>, ValidationProblem> List(
        HttpContext http, DeviceRegistry registry, string? site, string? scenario, string? state, int? offset, int? limit)
    {
        var checks = new ApiChecks();
        checks.Id("site", site);
        checks.Id("scenario", scenario);
        if (state is not null && !States.Contains(state))
        {
            checks.Add("state", $"state '{state}' is not one of {string.Join(", ", States)}");
        }

        var (skip, take) = checks.Paging(offset, limit);
        if (checks.Failed)
        {
            return TypedResults.ValidationProblem(checks.Errors);
        }

        var scope = AccessScope.Of(http);
        var devices = registry.All()
            .Where(d => scope.SeesDevice(d.Site, d.Device, d.Scenario))
            .Where(d => (site is null || d.Site == site) && (scenario is null || d.Scenario == scenario) && (state is null || d.State == state))
            .ToList();
        return TypedResults.Ok(Page<DeviceView>.Of(devices, skip, take));
    }

    public static Results<Ok<DeviceView>, ValidationProblem, ProblemHttpResult> Get(HttpContext http, DeviceRegistry registry, string site, string device)
    {
        var checks = new ApiChecks();
        checks.Id("site", site);
        checks.Id("device", device);
        if (checks.Failed)
        {
            return TypedResults.ValidationProblem(checks.Errors);
        }

        return registry.Find(site, device) is { } found && AccessScope.Of(http).SeesDevice(site, device, found.Scenario)
            ? TypedResults.Ok(found)
            : ApiProblems.NotFound(Unknown(site, device));
    }

    /// <summary>The device's latest events, newest first, as ingestion stored them.</summary>
    /// <param name="command">Only the events answering this command (its id, as <c>POST …/commands</c> returned it).</param>
    public static async Task<Results<Ok<IReadOnlyList<DeviceEventView>>, ValidationProblem, ProblemHttpResult>> GetEventsAsync(
        HttpContext http, DeviceEventReader events, string site, string device, string? command, int? limit, CancellationToken cancellationToken)
    {
        var checks = new ApiChecks();
        checks.Id("site", site);
        checks.Id("device", device);
        checks.Id("command", command);
        var (_, take) = checks.Paging(0, limit, defaultLimit: 20);
        if (checks.Failed)
        {
            return TypedResults.ValidationProblem(checks.Errors);
        }

        if (!AccessScope.Of(http).SeesDevice(site, device))
        {
            return ApiProblems.NotFound(Unknown(site, device));
        }

        try
        {
            return TypedResults.Ok(await events.LatestAsync(site, device, command, take, cancellationToken));
        }
        catch (InfluxDbUnavailableException ex)
        {
            return ApiProblems.InfluxUnavailable(ex);
        }
    }

    internal static string Unknown(string site, string device) => $"device '{site}/{device}' is not known";
}
