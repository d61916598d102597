using System.Globalization;
using System.Text.Json;
using GzAiEdge.Contracts.Api;
using GzAiEdge.Ingestion;
using GzAiEdge.TimeSeries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GzAiEdge.Cloud.Api;

/// <summary>KPIs read back from InfluxDB.</summary>
public static class KpiApi
{
    private static readonly string[] TagColumns = ["site", "device", "scenario", "sector"];

    public static IEndpointRouteBuilder MapKpiApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/kpis").WithTags("KPIs");
        group.MapGet("/latest", GetLatestAsync);
        return app;
    }

    /// <summary>The latest report of each device and scenario, optionally for one scenario, site or device.</summary>
    public static async Task<Results<Ok<IReadOnlyList<LatestKpis>>, ValidationProblem, ProblemHttpResult>> GetLatestAsync(
        InfluxDbClient influx, string? scenario, string? site, string? device, CancellationToken cancellationToken)
    {
        var checks = new ApiChecks();
        checks.Id("scenario", scenario);
        checks.Id("site", site);
        checks.Id("device", device);
        if (checks.Failed)
        {
            return TypedResults.ValidationProblem(checks.Errors);
        }

        var filters = new Dictionary<string, string?> { ["scenario"] = scenario, ["site"] = site, ["device"] = device };
        var where = string.Join(" AND ", filters.Where(f => f.Value is not null)
            .Select(f => $"{InfluxQl.Identifier(f.Key)} = {InfluxQl.StringLiteral(f.Value!)}"));
        var query = $"SELECT * FROM {InfluxQl.Identifier(Points.KpiMeasurement)}"
            + (where.Length > 0 ? $" WHERE {where}" : string.Empty)
            + $" GROUP BY {string.Join(", ", TagColumns.Select(InfluxQl.Identifier))} ORDER BY time DESC LIMIT 1";
        try
        {
            var result = await influx.QueryAsync(query, cancellationToken);
            return TypedResults.Ok<IReadOnlyList<LatestKpis>>([.. result.Series.Select(ToLatest).OrderBy(l => l.Scenario).ThenBy(l => l.Site).ThenBy(l => l.Device)]);
        }
        catch (InfluxDbUnavailableException ex)
        {
            return ApiProblems.InfluxUnavailable(ex);
        }
    }

    private static LatestKpis ToLatest(InfluxSeries series)
    {
        var row = series.Values[0];
        var kpis = new Dictionary<string, double>(StringComparer.Ordinal);
        DateTimeOffset windowEnd = default;
        long seq = 0;
        for (var i = 0; i < series.Columns.Count; i++)
        {
            var column = series.Columns[i];
            var cell = row[i];
            if (cell.ValueKind == JsonValueKind.Null || TagColumns.Contains(column) || Points.ChainFields.Contains(column))
            {
                continue;
            }

            switch (column)
            {
                case "time":
                    windowEnd = LinePoint.FromUnixNanoseconds(cell.GetInt64());
                    break;
                case "seq":
                    seq = cell.GetInt64();
                    break;
                default:
                    kpis[column] = cell.GetDouble();
                    break;
            }
        }

        string Tag(string key) => series.Tags.TryGetValue(key, out var value) ? value : string.Empty;
        return new LatestKpis(Tag("site"), Tag("device"), Tag("scenario"), Tag("sector"), windowEnd, seq, kpis);
    }
}
