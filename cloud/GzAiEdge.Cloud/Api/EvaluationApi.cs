using System.Diagnostics;
using System.Text;
using GzAiEdge.Access;
using GzAiEdge.Access.Authorization;
using GzAiEdge.Access.Scoping;
using GzAiEdge.Evaluation;
using GzAiEdge.Evaluation.Reports;
using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.Scenarios.Programmes;
using GzAiEdge.Scenarios.Ranking;
using GzAiEdge.TimeSeries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GzAiEdge.Cloud.Api;

/// <summary>
/// Scores, completeness, leaderboard and reports over stored data. <c>from</c>/<c>to</c> (ISO 8601,
/// UTC) choose the period; without them each scenario's catalogue period is used. A scenario's own evaluation is for
/// evaluators and for the people the scenario belongs to; the computed leaderboard and the programme's CSV are drafts,
/// for evaluators only, until one is published (<see cref="PublishedLeaderboardApi"/>). Every run is in the audit log.
/// </summary>
public static class EvaluationApi
{
    public static IEndpointRouteBuilder MapEvaluationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/evaluation").WithTags("Evaluation").RequireRateLimiting(ApiLimits.ExpensiveRateLimit);
        var scenario = group.MapGroup("/scenarios/{id}").RequireAuthorization(Policies.Provider);
        scenario.MapGet("/", (HttpContext http, string id, string? from, string? to, [AsParameters] Deps d, CancellationToken ct) =>
            RunAsync(http, d, from, to, id, async (p, s, period) => Bytes(EvaluationJson.Scenario(await d.Scenarios.EvaluateAsync(p, s!, period!, ct), p.CatalogueVersion, p.RubricVersion), "application/json")));
        scenario.MapGet("/completeness", (HttpContext http, string id, string? from, string? to, [AsParameters] Deps d, CancellationToken ct) =>
            RunAsync(http, d, from, to, id, async (p, s, period) => Bytes(CompletenessJson.Write(await d.Scenarios.EvaluateAsync(p, s!, period!, ct)), "application/json")));
        scenario.MapGet("/report", (HttpContext http, string id, string? from, string? to, [AsParameters] Deps d, CancellationToken ct) =>
            RunAsync(http, d, from, to, id, async (p, s, period) => Bytes(Encoding.UTF8.GetBytes(HtmlReport.Scenario(await d.Scenarios.EvaluateAsync(p, s!, period!, ct), p.CatalogueVersion, p.RubricVersion)), "text/html; charset=utf-8")));
        group.MapGet("/leaderboard", (HttpContext http, string? from, string? to, int? top, [AsParameters] Deps d, CancellationToken ct) =>
            RunAsync(http, d, from, to, null, async (p, _, period) => Bytes(await LeaderboardAsync(d, p, period, top, ct), "application/json")))
            .RequireAuthorization(Policies.Evaluator);
        group.MapGet("/report.csv", (HttpContext http, string? from, string? to, [AsParameters] Deps d, CancellationToken ct) =>
            RunAsync(http, d, from, to, null, async (p, _, period) => Bytes(CsvExport.Write(await d.Programme.EvaluateAsync(p, null, period, d.Parallelism, null, ct)), "text/csv; charset=utf-8")))
            .RequireAuthorization(Policies.Evaluator);
        group.MapGet("/audits.csv", (HttpContext http, string? from, string? to, [AsParameters] Deps d, CancellationToken ct) =>
            RunAsync(http, d, from, to, null, async (p, _, period) => Bytes(CsvExport.WriteAudits(await d.Programme.EvaluateAsync(p, null, period, d.Parallelism, null, ct)), "text/csv; charset=utf-8")))
            .RequireAuthorization(Policies.Evaluator);
        return app;
    }

    /// <summary>The leaderboard document (the top <paramref name="top"/> ranks) as the API serves and publishes it.</summary>
    internal static async Task<byte[]> LeaderboardAsync(Deps d, Programme p, DemonstrationPeriod? period, int? top, CancellationToken ct)
    {
        var result = await d.Programme.EvaluateAsync(p, null, period, d.Parallelism, null, ct);
        return EvaluationJson.Programme(result with { Leaderboard = Leaderboard.Top(result.Leaderboard, top ?? Leaderboard.DefaultTop) }, withScenarios: false);
    }

    internal static async Task<IResult> RunAsync(HttpContext http, Deps deps, string? from, string? to, string? scenarioId,
        Func<Programme, Scenario?, DemonstrationPeriod?, Task<IResult>> run)
    {
        var (programme, error) = deps.Source.Get();
        if (programme is null)
        {
            return TypedResults.Problem(error, statusCode: StatusCodes.Status500InternalServerError, title: "The programme catalogue cannot be used");
        }

        Scenario? scenario = null;
        if (scenarioId is not null && (!programme.Catalogue.TryGet(scenarioId, out scenario) || !AccessScope.Of(http).SeesScenario(scenarioId)))
        {
            return TypedResults.Problem($"scenario '{scenarioId}' is not in the catalogue {deps.Source.CataloguePath}", statusCode: StatusCodes.Status404NotFound, title: "Unknown scenario");
        }

        if (ApiPeriods.Parse(from, to, scenario?.Period, TimeSpan.FromDays(deps.Options.Value.MaxPeriodDays), out var period) is { } problem)
        {
            return problem;
        }

        await http.AuditAsync("evaluation.run", scenarioId ?? "programme", details: $"{http.Request.Path} {period?.From:O}..{period?.To:O}");
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await run(programme, scenario, period);
        }
        catch (InfluxDbUnavailableException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "InfluxDB is unavailable");
        }
        finally
        {
            EvaluationMetrics.Evaluated(scenario is null ? "programme" : "scenario", Stopwatch.GetElapsedTime(started));
        }
    }

    private static IResult Bytes(byte[] body, string contentType) => TypedResults.Bytes(body, contentType);

    /// <summary>The services every endpoint needs, bound from DI in one parameter.</summary>
    internal sealed record Deps(ProgrammeSource Source, ScenarioEvaluator Scenarios, ProgrammeEvaluator Programme, Microsoft.Extensions.Options.IOptions<EvaluationOptions> Options)
    {
        public int Parallelism => Options.Value.Parallelism;
    }
}
