using System.Text.Json;
using GzAiEdge.Scenarios.Catalogue;
using static GzAiEdge.TimeSeries.StoredSchema;

namespace GzAiEdge.TimeSeries;

/// <summary>
/// The InfluxQL for an outcome measure per day: the mean of the windows a scenario's listed devices reported for it,
/// per UTC day counted from the period's start, days without a report left out. Days are the unit of the outcome's
/// block bootstrap, so InfluxDB aggregates them and no raw point leaves the server.
/// </summary>
internal static class DailyMeansQuery
{
    private const string Value = "v";

    public static string Text(Scenario scenario, string measure, DemonstrationPeriod period)
    {
        var devices = string.Join(" OR ", scenario.Sites.SelectMany(s => s.Devices.Select(d => $"({Conditions.Device(s.Site, d)})")));
        var day = (long)TimeSpan.FromDays(1).TotalSeconds;
        var offset = ((period.From.ToUnixTimeSeconds() % day) + day) % day;

        // A point's time is its window end, so a window belongs to the period when it ends in (from, to], as in ScenarioQuery.
        return $"SELECT mean({InfluxQl.Identifier(measure)}) AS {Value} {Conditions.From(Measurement.Kpi)} WHERE {Conditions.Is(Tag.Scenario, scenario.Id)} AND ({devices}) " +
            $"AND time > {InfluxQl.TimeLiteral(period.From)} AND time <= {InfluxQl.TimeLiteral(period.To)} GROUP BY time({day}s, {offset}s) fill(none)";
    }

    public static IReadOnlyList<KpiBucket> Days(InfluxQueryResult result) =>
        [.. result.Series.SelectMany(s => Enumerable.Range(0, s.Values.Count)
            .Where(r => s.Value(r, Value).ValueKind == JsonValueKind.Number)
            .Select(r => new KpiBucket(LinePoint.FromUnixNanoseconds(s.Value(r, Time).GetInt64()), s.Value(r, Value).GetDouble())))
            .OrderBy(b => b.Start)];
}
