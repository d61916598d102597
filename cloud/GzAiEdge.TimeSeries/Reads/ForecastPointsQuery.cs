using System.Text.Json;
using GzAiEdge.Scenarios.Catalogue;
using static GzAiEdge.TimeSeries.StoredSchema;

namespace GzAiEdge.TimeSeries;

/// <summary>
/// The InfluxQL for a forecast's later truth: each report of a scenario's listed devices in a period that carried the
/// forecast or the measured value, with its seq, per device. These are raw points, not aggregates, because a
/// forecast is paired with the next report's measurement by seq; a forecasting device reports once per reading
/// interval (hourly in the field), so a month is some 720 points a device.
/// </summary>
internal static class ForecastPointsQuery
{
    private const string Forecast = "f", Measured = "m";

    public static string Text(Scenario scenario, string forecastKey, string measuredKey, DemonstrationPeriod period)
    {
        var devices = string.Join(" OR ", scenario.Sites.SelectMany(s => s.Devices.Select(d => $"({Conditions.Device(s.Site, d)})")));

        // A point's time is its window end, so a window belongs to the period when it ends in (from, to], as in ScenarioQuery.
        return $"SELECT {InfluxQl.Identifier(KpiField.Seq)}, {InfluxQl.Identifier(forecastKey)} AS {Forecast}, {InfluxQl.Identifier(measuredKey)} AS {Measured} " +
            $"{Conditions.From(Measurement.Kpi)} WHERE {Conditions.Is(Tag.Scenario, scenario.Id)} AND ({devices}) " +
            $"AND time > {InfluxQl.TimeLiteral(period.From)} AND time <= {InfluxQl.TimeLiteral(period.To)} GROUP BY {InfluxQl.Identifier(Tag.Site)}, {InfluxQl.Identifier(Tag.Device)}";
    }

    public static IReadOnlyList<ForecastPoint> Points(InfluxQueryResult result) =>
        [.. result.Series.SelectMany(s => Enumerable.Range(0, s.Values.Count)
            .Where(r => s.Value(r, KpiField.Seq).ValueKind == JsonValueKind.Number)
            .Select(r => new ForecastPoint(
                s.Tags.GetValueOrDefault(Tag.Site, string.Empty), s.Tags.GetValueOrDefault(Tag.Device, string.Empty),
                LinePoint.FromUnixNanoseconds(s.Value(r, Time).GetInt64()), (long)s.Value(r, KpiField.Seq).GetDouble(),
                Number(s.Value(r, Forecast)), Number(s.Value(r, Measured)))))];

    private static double? Number(JsonElement cell) => cell.ValueKind == JsonValueKind.Number ? cell.GetDouble() : null;
}

/// <summary>One stored report of a forecasting device: its window end, seq, and the forecast and measured value it carried (null when it carried none).</summary>
public sealed record ForecastPoint(string Site, string Device, DateTimeOffset Time, long Seq, double? Forecast, double? Measured);
