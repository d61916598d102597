using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using GzAiEdge.Access.Authorization;
using GzAiEdge.Access.Scoping;
using GzAiEdge.Monitoring.Live;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GzAiEdge.Cloud.Api;

/// <summary>
/// Server-Sent Events: KPI reports (<c>kpi</c>), device changes (<c>device</c>), device events
/// (<c>device-event</c>) and alerts (<c>alert</c>) as this instance's live subscription sees them,
/// optionally only for one scenario or site. The first event, <c>ready</c>, says the stream is open. Each stream
/// carries only what its caller may see, decided on the server from the caller's identity, never from the query.
/// </summary>
public static class LiveApi
{
    public static IEndpointRouteBuilder MapLiveApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/live", Stream).WithTags("Live").RequireAuthorization(Policies.Viewer);
        return app;
    }

    public static Results<ServerSentEventsResult<string>, ValidationProblem> Stream(
        HttpContext http, LiveHub hub, string? scenario, string? site, CancellationToken cancellationToken)
    {
        var checks = new ApiChecks();
        checks.Id("scenario", scenario);
        checks.Id("site", site);
        return checks.Failed
            ? TypedResults.ValidationProblem(checks.Errors)
            : TypedResults.ServerSentEvents(EventsAsync(hub, AccessScope.Of(http), scenario, site, cancellationToken));
    }

    private static async IAsyncEnumerable<SseItem<string>> EventsAsync(
        LiveHub hub, AccessScope scope, string? scenario, string? site, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var subscription = hub.Subscribe();
        yield return new SseItem<string>("{}", "ready");
        while (await subscription.Events.WaitToReadAsync(cancellationToken))
        {
            while (subscription.Events.TryRead(out var item))
            {
                if (item.Matches(scenario, site) && Visible(scope, item))
                {
                    yield return new SseItem<string>(item.Json, item.Type);
                }
            }
        }
    }

    private static bool Visible(AccessScope scope, LiveEvent item) =>
        scope.SeesAll || scope.SeesScenario(item.Scenario)
        || (item is { Site: { } site, DeviceId: { } device } && scope.SeesDevice(site, device, item.Scenario));
}
