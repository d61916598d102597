using GzAiEdge.Scenarios.Kpis;
using GzAiEdge.Scenarios.Scoring;
using GzAiEdge.TimeSeries;

namespace GzAiEdge.Evaluation.LaterTruth;

/// <summary>
/// A forecasting scenario's accuracy from later truth (<see cref="LaterTruthKpis"/>): each report's forecast is paired
/// with the measured value of the same device's next report (seq + 1), the window it forecast. A forecast whose next
/// report is missing, carries no measurement or lies after the period is not paired, and is counted in the
/// explanation. Without a pair the KPIs are missing and the result provisional: the truth has not arrived yet.
/// </summary>
public static class ForecastTruth
{
    /// <summary>One forecast and the value measured for the window it forecast.</summary>
    public readonly record struct Pair(double Measured, double Forecast);

    /// <summary>CV(RMSE) and NMBE of <paramref name="pairs"/>, n in both denominators; null without a pair or when the mean measured value is not above 0.</summary>
    public static (double CvRmse, double Nmbe)? Metrics(IReadOnlyList<Pair> pairs)
    {
        if (pairs.Count == 0)
        {
            return null;
        }

        double sum = 0, squares = 0, bias = 0;
        foreach (var p in pairs)
        {
            var error = p.Measured - p.Forecast;
            sum += p.Measured;
            squares += error * error;
            bias += error;
        }

        var mean = sum / pairs.Count;
        return mean > 0 ? (Math.Sqrt(squares / pairs.Count) / mean, bias / (pairs.Count * mean)) : null;
    }

    /// <summary>The pairs in <paramref name="points"/> and how many forecasts found no truth, in device, then seq order.</summary>
    public static (IReadOnlyList<Pair> Pairs, int Unpaired) Pairs(IEnumerable<ForecastPoint> points)
    {
        var pairs = new List<Pair>();
        var unpaired = 0;
        foreach (var device in points.GroupBy(p => (p.Site, p.Device)).OrderBy(g => g.Key.Site, StringComparer.Ordinal).ThenBy(g => g.Key.Device, StringComparer.Ordinal))
        {
            // A resent report is stored once per seq (the point's key is its window end), so seq identifies a window.
            var bySeq = device.GroupBy(p => p.Seq).ToDictionary(g => g.Key, g => g.First());
            foreach (var point in bySeq.Values.Where(p => p.Forecast is not null).OrderBy(p => p.Seq))
            {
                if (bySeq.TryGetValue(point.Seq + 1, out var next) && next.Measured is { } measured)
                {
                    pairs.Add(new Pair(measured, point.Forecast!.Value));
                }
                else
                {
                    unpaired++;
                }
            }
        }

        return (pairs, unpaired);
    }

    /// <summary>The later-truth KPIs of a scenario whose listed devices stored <paramref name="points"/> in the period.</summary>
    public static IReadOnlyDictionary<string, KpiMeasurement> Measure(IReadOnlyList<ForecastPoint> points)
    {
        var (pairs, unpaired) = Pairs(points);
        var waiting = unpaired == 0 ? string.Empty : $"; {unpaired} forecast(s) without their window's measurement yet";
        if (Metrics(pairs) is not { } m)
        {
            var why = pairs.Count == 0
                ? $"no forecast has its truth yet (the measured load of the window it forecast){waiting}"
                : "the mean measured value is not above 0, so CV(RMSE) and NMBE are undefined";
            return new Dictionary<string, KpiMeasurement>(StringComparer.Ordinal)
            {
                [LaterTruthKpis.ForecastCvRmse.Key] = new(null, 0, Coverage: 0, Source: why, Provisional: why),
                [LaterTruthKpis.ForecastNmbe.Key] = new(null, 0, Coverage: 0, Source: why, Provisional: why),
            };
        }

        var source = $"later truth: {pairs.Count} forecast(s) paired with the next window's measured value{waiting}";
        return new Dictionary<string, KpiMeasurement>(StringComparer.Ordinal)
        {
            [LaterTruthKpis.ForecastCvRmse.Key] = new(ScenarioEvaluator.Round(m.CvRmse), pairs.Count, Source: source),
            [LaterTruthKpis.ForecastNmbe.Key] = new(ScenarioEvaluator.Round(m.Nmbe), pairs.Count, Source: source),
        };
    }
}
