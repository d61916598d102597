using GzAiEdge.Access.Authorization;
using GzAiEdge.Access.Scoping;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Monitoring.Alerts;
using GzAiEdge.Monitoring.Live;
using GzAiEdge.Scenarios.Catalogue;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GzAiEdge.Cloud.Api;

/// <summary>The programme's scenarios from the catalogue, each with its current status: those the caller may see.</summary>
public static class ScenariosApi
{
    private static readonly Sector[] Sectors = Enum.GetValues<Sector>();

    public static IEndpointRouteBuilder MapScenariosApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/scenarios").WithTags("Scenarios").RequireAuthorization(Policies.Viewer);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync);
        return app;
    }

    public static async Task<Results<Ok<Page<ScenarioView>>, ValidationProblem>> ListAsync(
        HttpContext http, ScenarioCatalogue catalogue, DeviceRegistry registry, SqliteAlertStore alerts,
        string? sector, string? status, int? offset, int? limit, CancellationToken cancellationToken)
    {
        var checks = new ApiChecks();
        var wantedSector = checks.OneOf("sector", sector, Sectors, s => s.ToString().ToLowerInvariant());
        var wantedStatus = checks.OneOf("status", status, ScenarioStatuses.All, s => s.Text());
        var (skip, take) = checks.Paging(offset, limit, defaultLimit: 200);
        if (checks.Failed)
        {
            return TypedResults.ValidationProblem(checks.Errors);
        }

        var scope = AccessScope.Of(http);
        IReadOnlyList<Scenario> scenarios = [.. catalogue.All.Where(s => (wantedSector is not { } only || s.Sector == only) && scope.SeesScenario(s.Id))];
        var views = await ViewsAsync(scenarios, registry, alerts, cancellationToken);
        return TypedResults.Ok(Page<ScenarioView>.Of([.. views.Where(v => wantedStatus is null || v.Status == wantedStatus.Value.Text())], skip, take));
    }

    public static async Task<Results<Ok<ScenarioDetail>, ValidationProblem, ProblemHttpResult>> GetAsync(
        HttpContext http, ScenarioCatalogue catalogue, DeviceRegistry registry, SqliteAlertStore alerts, AlertRuleSet rules, string id, CancellationToken cancellationToken)
    {
        var checks = new ApiChecks();
        checks.Id("id", id);
        if (checks.Failed)
        {
            return TypedResults.ValidationProblem(checks.Errors);
        }

        if (!catalogue.TryGet(id, out var scenario) || !AccessScope.Of(http).SeesScenario(id))
        {
            return ApiProblems.NotFound($"scenario '{id}' is not in the catalogue");
        }

        var view = (await ViewsAsync([scenario], registry, alerts, cancellationToken))[0];
        var lines = rules.For(scenario.Type)?.Kpis.Select(r => new KpiLine(r.Kpi, r.Direction.ToString().ToLowerInvariant(), r.Threshold, r.Windows, r.Target)).ToList() ?? [];
        var devices = registry.All().Where(d => d.Scenario == id).ToList();
        return TypedResults.Ok(new ScenarioDetail(view, lines, devices));
    }

    private static async Task<List<ScenarioView>> ViewsAsync(
        IReadOnlyList<Scenario> scenarios, DeviceRegistry registry, SqliteAlertStore alerts, CancellationToken cancellationToken)
    {
        var devices = registry.All().Where(d => d.Scenario is not null).ToLookup(d => d.Scenario!);
        var active = (await alerts.ActiveAsync(cancellationToken)).CountBy(a => a.Scenario).ToDictionary();
        return
        [
            .. scenarios.Select(s =>
            {
                var own = devices[s.Id].ToList();
                var online = own.Count(d => d.State == DeviceState.Online);
                var alertCount = active.GetValueOrDefault(s.Id);
                return new ScenarioView(s.Id, s.SectorTag, s.Type, s.NameZh, s.NameEn, ScenarioStatuses.Of(own.Count, online, alertCount).Text(),
                    own.Count, online, alertCount, own.Max(d => d.LastReport));
            }),
        ];
    }
}

/// <summary>A scenario as listed: catalogue data, devices seen, active alerts and overall status.</summary>
/// <param name="Status"><c>ok</c>, <c>alert</c>, <c>offline</c> or <c>no-data</c>.</param>
public sealed record ScenarioView(
    string Id, string Sector, string Type, string NameZh, string NameEn, string Status,
    int Devices, int Online, int ActiveAlerts, DateTimeOffset? LastReport);

/// <summary>One scenario with the KPI lines charts draw (thresholds from the alert rules) and its devices.</summary>
public sealed record ScenarioDetail(ScenarioView Scenario, IReadOnlyList<KpiLine> Kpis, IReadOnlyList<DeviceView> Devices);

/// <summary>A KPI with its alert threshold (which side is bad, after how many windows) and its target, when set.</summary>
public sealed record KpiLine(string Kpi, string Direction, double Threshold, int Windows, double? Target);
