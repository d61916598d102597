using System.Globalization;
using System.Text;
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
/// UTC) choose the period; without them each scenario's catalogue period is used.
/// </summary>
public static class EvaluationApi
{
    public static IEndpointRouteBuilder MapEvaluationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/evaluation").WithTags("Evaluation");
        group.MapGet("/scenarios/{id}", (string id, string? from, string? to, [AsParameters] Deps d, CancellationToken ct) =>
            RunAsync(d, from, to, id, async (p, s, period) => Bytes(EvaluationJson.Scenario(await d.Scenarios.EvaluateAsync(p, s!, period!, ct), p.CatalogueVersion, p.RubricVersion), "application/json")));
        group.MapGet("/scenarios/{id}/completeness", (string id, string? from, string? to, [AsParameters] Deps d, CancellationToken ct) =>
            RunAsync(d, from, to, id, async (p, s, period) => Bytes(CompletenessJson.Write(await d.Scenarios.EvaluateAsync(p, s!, period!, ct)), "application/json")));
        group.MapGet("/scenarios/{id}/report", (string id, string? from, string? to, [AsParameters] Deps d, CancellationToken ct) =>
            RunAsync(d, from, to, id, async (p, s, period) => Bytes(Encoding.UTF8.GetBytes(HtmlReport.Scenario(await d.Scenarios.EvaluateAsync(p, s!, period!, ct), p.CatalogueVersion, p.RubricVersion)), "text/html; charset=utf-8")));
        group.MapGet("/leaderboard", (string? from, string? to, int? top, [AsParameters] Deps d, CancellationToken ct) =>
            RunAsync(d, from, to, null, async (p, _, period) =>
            {
                var result = await d.Programme.EvaluateAsync(p, null, period, d.Parallelism, null, ct);
                return Bytes(EvaluationJson.Programme(result with { Leaderboard = [.. result.Leaderboard.Take(top ?? Leaderboard.DefaultTop)] }, withScenarios: false), "application/json");
            }));
        group.MapGet("/report.csv", (string? from, string? to, [AsParameters] Deps d, CancellationToken ct) =>
            RunAsync(d, from, to, null, async (p, _, period) => Bytes(CsvExport.Write(await d.Programme.EvaluateAsync(p, null, period, d.Parallelism, null, ct)), "text/csv; charset=utf-8")));
        group.MapGet("/audits.csv", (string? from, string? to, [AsParameters] Deps d, CancellationToken ct) =>
            RunAsync(d, from, to, null, async (p, _, period) => Bytes(CsvExport.WriteAudits(await d.Programme.EvaluateAsync(p, null, period, d.Parallelism, null, ct)), "text/csv; charset=utf-8")));
        return app;
    }

    private static async Task<IResult> RunAsync(Deps deps, string? from, string? to, string? scenarioId,
        Func<Programme, Scenario?, DemonstrationPeriod?, Task<IResult>> run)
    {
        var (programme, error) = deps.Source.Get();
        if (programme is null)
        {
            return TypedResults.Problem(error, statusCode: StatusCodes.Status500InternalServerError, title: "The programme catalogue cannot be used");
        }

        Scenario? scenario = null;
        if (scenarioId is not null && !programme.Catalogue.TryGet(scenarioId, out scenario))
        {
            return TypedResults.Problem($"scenario '{scenarioId}' is not in the catalogue {deps.Source.CataloguePath}", statusCode: StatusCodes.Status404NotFound, title: "Unknown scenario");
        }

        if (ParsePeriod(from, to, scenario?.Period, out var period) is { } problem)
        {
            return problem;
        }

        try
        {
            return await run(programme, scenario, period);
        }
        catch (InfluxDbUnavailableException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "InfluxDB is unavailable");
        }
    }

    private static ValidationProblem? ParsePeriod(string? from, string? to, DemonstrationPeriod? fallback, out DemonstrationPeriod? period)
    {
        period = fallback;
        if (from is null && to is null)
        {
            return null;
        }

        var checks = new ApiChecks();
        var start = Time(checks, "from", from);
        var end = Time(checks, "to", to);
        if (!checks.Failed && end <= start)
        {
            checks.Add("to", "to must be after from");
        }

        if (checks.Failed)
        {
            return TypedResults.ValidationProblem(checks.Errors);
        }

        period = new DemonstrationPeriod(start!.Value, end!.Value);
        return null;
    }

    private static DateTimeOffset? Time(ApiChecks checks, string name, string? text)
    {
        if (text is null)
        {
            checks.Add(name, $"{name} is required when the other end of the period is given");
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        checks.Add(name, $"{name} '{text}' is not an ISO 8601 time, e.g. 2026-03-01T00:00:00Z");
        return null;
    }

    private static IResult Bytes(byte[] body, string contentType) => TypedResults.Bytes(body, contentType);

    /// <summary>The services every endpoint needs, bound from DI in one parameter.</summary>
    internal sealed record Deps(ProgrammeSource Source, ScenarioEvaluator Scenarios, ProgrammeEvaluator Programme, Microsoft.Extensions.Options.IOptions<EvaluationOptions> Options)
    {
        public int Parallelism => Options.Value.Parallelism;
    }
}
