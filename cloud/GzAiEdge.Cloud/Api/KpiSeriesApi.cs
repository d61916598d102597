using System.Globalization;
using GzAiEdge.Access.Authorization;
using GzAiEdge.Access.Scoping;
using GzAiEdge.Contracts.Validation;
using GzAiEdge.TimeSeries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GzAiEdge.Cloud.Api;

/// <summary>
/// KPI time series, downsampled by InfluxDB (InfluxQL <c>GROUP BY time</c>) so that a chart of a
/// month gets a few hundred points, not hundreds of thousands of windows.
/// </summary>
public static class KpiSeriesApi
{
    private const int MaxKpis = 20;
    private const int MaxPoints = 5000;
    private static readonly TimeSpan MaxRange = TimeSpan.FromDays(400);

    public static IEndpointRouteBuilder MapKpiSeriesApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/kpis").WithTags("KPIs").MapGet("/series", GetSeriesAsync).RequireAuthorization(Policies.Viewer);
        return app;
    }

    /// <param name="kpis">Comma-separated KPI keys.</param>
    /// <param name="from">Start (ISO 8601, inclusive); default: an hour before <paramref name="to"/>.</param>
    /// <param name="to">End (ISO 8601, exclusive); default: now.</param>
    /// <param name="points">Most points per KPI; the bucket width is the range divided by this, in whole seconds.</param>
    /// <param name="agg">How windows in a bucket combine: mean (default), min, max, sum, count, last.</param>
    public static async Task<Results<Ok<KpiSeries>, ValidationProblem, ProblemHttpResult>> GetSeriesAsync(
        HttpContext http, KpiReader reader, TimeProvider time, string? scenario, string? kpis, string? site, string? device,
        string? from, string? to, int? points, string? agg, CancellationToken cancellationToken)
    {
        var checks = new ApiChecks();
        if (scenario is null)
        {
            checks.Add("scenario", "scenario is required");
        }

        checks.Id("scenario", scenario);
        checks.Id("site", site);
        checks.Id("device", device);
        var keys = (kpis ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (keys.Length is 0 or > MaxKpis)
        {
            checks.Add("kpis", $"kpis must list 1..{MaxKpis} KPI keys separated by commas (was {keys.Length})");
        }
        else if (keys.FirstOrDefault(k => !KpiReportValidator.IsKpiName(k)) is { } badKey)
        {
            checks.Add("kpis", $"kpis: '{badKey}' is not a KPI key (lower snake case, see docs/kpis.md)");
        }

        var end = Time(checks, "to", to) ?? time.GetUtcNow();
        var start = Time(checks, "from", from) ?? end - TimeSpan.FromHours(1);
        if (start >= end || end - start > MaxRange)
        {
            checks.Add("from", $"from must be before to and at most {MaxRange.TotalDays} days before it (was {start:O} .. {end:O})");
        }

        var count = points ?? 300;
        if (count is < 1 or > MaxPoints)
        {
            checks.Add("points", $"points must be within 1..{MaxPoints} (was {count})");
        }

        var aggregation = agg ?? "mean";
        if (!KpiReader.Aggregations.Contains(aggregation))
        {
            checks.Add("agg", $"agg '{aggregation}' is not one of {string.Join(", ", KpiReader.Aggregations)}");
        }

        if (checks.Failed)
        {
            return TypedResults.ValidationProblem(checks.Errors);
        }

        if (!AccessScope.Of(http).SeesScenario(scenario))
        {
            return ApiProblems.NotFound($"scenario '{scenario}' is not in the catalogue");
        }

        var bucket = Math.Max(1, (long)Math.Ceiling((end - start).TotalSeconds / count));
        try
        {
            var series = await reader.SeriesAsync(keys, aggregation, scenario!, site, device, start, end, bucket, cancellationToken);
            return TypedResults.Ok(new KpiSeries(scenario!, site, device, start, end, bucket, aggregation, series));
        }
        catch (InfluxDbUnavailableException ex)
        {
            return ApiProblems.InfluxUnavailable(ex);
        }
    }

    private static DateTimeOffset? Time(ApiChecks checks, string name, string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return value;
        }

        checks.Add(name, $"{name} '{text}' is not an ISO 8601 time, e.g. 2026-01-31T08:00:00Z");
        return null;
    }
}

/// <summary>KPI values per bucket of <see cref="BucketSeconds"/>, one list of points per KPI.</summary>
public sealed record KpiSeries(
    string Scenario, string? Site, string? Device, DateTimeOffset From, DateTimeOffset To, long BucketSeconds, string Aggregation,
    IReadOnlyDictionary<string, IReadOnlyList<KpiPoint>> Series);
