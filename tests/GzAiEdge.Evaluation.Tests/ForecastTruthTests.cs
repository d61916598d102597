using GzAiEdge.Evaluation.LaterTruth;
using GzAiEdge.Scenarios.Kpis;
using GzAiEdge.Scenarios.Scoring;
using GzAiEdge.Scenarios.Types;
using GzAiEdge.TimeSeries;

namespace GzAiEdge.Evaluation.Tests;

public sealed class ForecastTruthTests
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Cv_rmse_and_nmbe_match_a_hand_computation()
    {
        // measured 100, 200, 300; forecast 110, 190, 330 → errors m − f: −10, 10, −30.
        // mean(m) = 200; Σe² = 100 + 100 + 900 = 1100; RMSE = sqrt(1100 / 3) = 19.1485422…; CV(RMSE) = 0.0957427108…
        // Σe = −30; NMBE = −30 / (3 · 200) = −0.05.
        var m = ForecastTruth.Metrics([new(100, 110), new(200, 190), new(300, 330)])!.Value;

        Assert.Equal(0.0957427108, m.CvRmse, 9);
        Assert.Equal(-0.05, m.Nmbe, 12);
    }

    [Fact]
    public void Each_forecast_is_paired_with_the_next_reports_measurement_of_the_same_device()
    {
        // Device a: seq 1..4; seq 3 carried no measurement (its window had no reading), seq 4's forecast has no next report.
        // Device b: seq 7 and 9 (8 lost): nothing pairs across the gap. Resent seq 2 is stored twice and counts once.
        ForecastPoint[] points =
        [
            P("a", 1, forecast: 210, measured: 190), P("a", 2, forecast: 220, measured: 200), P("a", 2, forecast: 220, measured: 200),
            P("a", 3, forecast: 230, measured: null), P("a", 4, forecast: 240, measured: 250),
            P("b", 7, forecast: 100, measured: 90), P("b", 9, forecast: 120, measured: 110),
        ];

        var (pairs, unpaired) = ForecastTruth.Pairs(points);

        // a1's forecast 210 against a2's 200; a2's 220 against a3's missing measurement (unpaired); a3's 230 against a4's 250.
        Assert.Equal([new ForecastTruth.Pair(200, 210), new ForecastTruth.Pair(250, 230)], pairs);
        Assert.Equal(4, unpaired);
    }

    [Fact]
    public void Without_a_pair_both_kpis_are_missing_and_provisional_and_with_pairs_they_score_against_ashrae_guideline_14()
    {
        var waiting = ForecastTruth.Measure([P("a", 1, forecast: 210, measured: 190)]);
        Assert.All(waiting.Values, k => Assert.Null(k.Value));
        Assert.All(waiting.Values, k => Assert.StartsWith("no forecast has its truth yet", k.Provisional, StringComparison.Ordinal));

        // Pairs (m, f): (200, 210), (250, 230): e = −10, 20; mean(m) = 225; CV(RMSE) = sqrt(250) / 225 = 0.0702728369; NMBE = 10 / 450.
        var measured = ForecastTruth.Measure([P("a", 1, 210, 190), P("a", 2, 230, 200), P("a", 3, null, 250)]);
        var cv = measured[LaterTruthKpis.ForecastCvRmse.Key];
        var nmbe = measured[LaterTruthKpis.ForecastNmbe.Key];
        Assert.Equal((0.0702728369, 2L, (string?)null), (cv.Value, cv.Reports, cv.Provisional));
        Assert.Equal(0.0222222222, nmbe.Value);

        // Thresholds and targets of firmware-configs/scenarios/types/energy-load-forecasting.yaml: CV 0.3 → 0.1; |NMBE| 0.1 → 0.02.
        var cvRubric = new KpiRubric("forecast_cv_rmse", "CV", "CV", "", null, Direction.Lower, 0.3, 0.1, 35);
        var nmbeRubric = new KpiRubric("forecast_nmbe", "NMBE", "NMBE", "", null, Direction.Zero, 0.1, 0.02, 25);
        Assert.Equal(1, Achievement.Of(cv.Value!.Value, cvRubric));
        Assert.Equal((0.1 - 0.0222222222) / 0.08, Achievement.Of(nmbe.Value!.Value, nmbeRubric), 9);
        Assert.Equal((0.1 - 0.05) / 0.08, Achievement.Of(-0.05, nmbeRubric), 9);     // a bias below 0 scores as one above
        Assert.Equal(0, Achievement.Of(0.25, nmbeRubric));
    }

    private static ForecastPoint P(string device, long seq, double? forecast, double? measured) =>
        new("site-1", device, T0.AddHours(seq), seq, forecast, measured);
}
