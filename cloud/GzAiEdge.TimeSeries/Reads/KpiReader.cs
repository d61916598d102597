using System.Text.Json;
using GzAiEdge.Contracts.Api;
using static GzAiEdge.TimeSeries.StoredSchema;

namespace GzAiEdge.TimeSeries;

/// <summary>KPI points read back for people: the latest report per device, series downsampled by InfluxDB, the count.</summary>
public sealed class KpiReader(InfluxDbClient influx)
{
    /// <summary>How windows in a bucket of <see cref="SeriesAsync"/> combine: the InfluxQL functions offered.</summary>
    public static readonly IReadOnlyList<string> Aggregations = ["mean", "min", "max", "sum", "count", "last"];

    /// <summary>The latest report of each device and scenario, optionally for one scenario, site or device (null = any).</summary>
    /// <exception cref="InfluxDbUnavailableException">InfluxDB cannot answer now.</exception>
    public async Task<IReadOnlyList<LatestKpis>> LatestAsync(string? scenario, string? site, string? device, CancellationToken cancellationToken)
    {
        var filters = new[] { (Tag.Scenario, scenario), (Tag.Site, site), (Tag.Device, device) };
        var where = string.Join(" AND ", filters.Where(f => f.Item2 is not null).Select(f => Conditions.Is(f.Item1, f.Item2!)));
        var query = $"SELECT * {Conditions.From(Measurement.Kpi)}"
            + (where.Length > 0 ? $" WHERE {where}" : string.Empty)
            + $" GROUP BY {string.Join(", ", Tag.OfKpi.Select(InfluxQl.Identifier))} ORDER BY time DESC LIMIT 1";
        var result = await influx.QueryAsync(query, cancellationToken);
        return [.. result.Series.Select(ToLatest).OrderBy(l => l.Scenario).ThenBy(l => l.Site).ThenBy(l => l.Device)];
    }

    /// <summary>
    /// KPIs of a scenario (optionally one site or device) in [from, to) aggregated per bucket of <paramref name="bucketSeconds"/>;
    /// a bucket without windows is left out (a gap in the chart, not a zero). Keys must be KPI keys, aggregation one of
    /// <see cref="Aggregations"/>.
    /// </summary>
    /// <exception cref="InfluxDbUnavailableException">InfluxDB cannot answer now.</exception>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<KpiPoint>>> SeriesAsync(IReadOnlyList<string> keys, string aggregation,
        string scenario, string? site, string? device, DateTimeOffset from, DateTimeOffset to, long bucketSeconds, CancellationToken cancellationToken)
    {
        if (!Aggregations.Contains(aggregation))
        {
            throw new ArgumentOutOfRangeException(nameof(aggregation), aggregation, $"not one of {string.Join(", ", Aggregations)}");
        }

        var fields = string.Join(", ", keys.Select(k => $"{aggregation}({InfluxQl.Identifier(k)}) AS {InfluxQl.Identifier(k)}"));
        var where = Conditions.Is(Tag.Scenario, scenario)
            + (site is null ? string.Empty : $" AND {Conditions.Is(Tag.Site, site)}")
            + (device is null ? string.Empty : $" AND {Conditions.Is(Tag.Device, device)}")
            + $" AND {Conditions.Period(from, to)}";
        var result = await influx.QueryAsync(
            $"SELECT {fields} {Conditions.From(Measurement.Kpi)} WHERE {where} GROUP BY time({bucketSeconds}s) fill(none)", cancellationToken);
        var series = keys.ToDictionary(k => k, _ => (IReadOnlyList<KpiPoint>)[]);
        foreach (var s in result.Series)
        {
            foreach (var key in keys)
            {
                series[key] = [.. Enumerable.Range(0, s.Values.Count)
                    .Where(row => s.Value(row, key).ValueKind == JsonValueKind.Number)
                    .Select(row => new KpiPoint(LinePoint.FromUnixNanoseconds(s.Value(row, Time).GetInt64()), s.Value(row, key).GetDouble()))];
            }
        }

        return series;
    }

    /// <summary>Points in the <c>kpi</c> measurement (<c>SELECT count(seq)</c>; 0 before the first).</summary>
    /// <exception cref="InfluxDbUnavailableException">InfluxDB cannot answer now.</exception>
    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        var result = await influx.QueryAsync($"SELECT count({InfluxQl.Identifier(KpiField.Seq)}) {Conditions.From(Measurement.Kpi)}", cancellationToken);
        return result.Series.FirstOrDefault() is { Values.Count: > 0 } series ? series.Value(0, "count").GetInt64() : 0;
    }

    private static LatestKpis ToLatest(InfluxSeries series)
    {
        var row = series.Values[0];
        var kpis = new Dictionary<string, double>(StringComparer.Ordinal);
        DateTimeOffset windowEnd = default;
        long seq = 0;
        for (var i = 0; i < series.Columns.Count; i++)
        {
            var (column, cell) = (series.Columns[i], row[i]);
            if (cell.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (column == Time)
            {
                windowEnd = LinePoint.FromUnixNanoseconds(cell.GetInt64());
            }
            else if (column == KpiField.Seq)
            {
                seq = cell.GetInt64();
            }
            else if (KpiField.IsKpi(column))
            {
                kpis[column] = cell.GetDouble();
            }
        }

        string TagOf(string key) => series.Tags.TryGetValue(key, out var value) ? value : string.Empty;
        return new LatestKpis(TagOf(Tag.Site), TagOf(Tag.Device), TagOf(Tag.Scenario), TagOf(Tag.Sector), windowEnd, seq, kpis);
    }
}

/// <summary>One bucket of a KPI series: its start and the aggregated value.</summary>
public sealed record KpiPoint(DateTimeOffset Time, double Value);
