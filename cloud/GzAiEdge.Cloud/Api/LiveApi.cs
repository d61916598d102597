using GzAiEdge.Access.Authorization;
using GzAiEdge.Access.Scoping;
using GzAiEdge.Monitoring.Live;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Cloud.Api;

/// <summary>
/// Server-Sent Events: KPI reports (<c>kpi</c>), device changes (<c>device</c>), device events
/// (<c>device-event</c>) and alerts (<c>alert</c>) as this instance's live subscription sees them,
/// optionally only for one scenario or site. The first event, <c>ready</c>, says the stream is open; a quiet stream
/// carries <c>: keep-alive</c> comments (<c>LiveFeed:KeepAliveSeconds</c>), and every stream ends when the host stops. Each stream
/// carries only what its caller may see, decided on the server from the caller's identity, never from the query.
/// </summary>
public static class LiveApi
{
    public static IEndpointRouteBuilder MapLiveApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/live", Stream).WithTags("Live").Produces(StatusCodes.Status200OK, contentType: "text/event-stream").RequireAuthorization(Policies.Viewer);
        return app;
    }

    public static Results<LiveStream, ValidationProblem> Stream(
        HttpContext http, LiveHub hub, IOptions<LiveFeedOptions> options, IHostApplicationLifetime lifetime, string? scenario, string? site)
    {
        var checks = new ApiChecks();
        checks.Id("scenario", scenario);
        checks.Id("site", site);
        return checks.Failed
            ? TypedResults.ValidationProblem(checks.Errors)
            : new LiveStream(hub, AccessScope.Of(http), scenario, site, TimeSpan.FromSeconds(options.Value.KeepAliveSeconds), lifetime.ApplicationStopping);
    }
}
