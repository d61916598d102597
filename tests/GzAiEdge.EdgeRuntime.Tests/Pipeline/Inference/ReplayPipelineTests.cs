using System.Text.Json;
using GzAiEdge.Devices.Replay;
using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.EdgeRuntime.Pipeline;
using GzAiEdge.EdgeRuntime.Pipeline.Inference;
using GzAiEdge.Inference;
using GzAiEdge.Testing;

namespace GzAiEdge.EdgeRuntime.Tests.Pipeline.Inference;

/// <summary>
/// Each pipeline replays its recorded data once through the real model, and its KPIs over the whole replay
/// are those documented in the model card (models/metrics.json, written by models/make_models.py when it
/// evaluated the same model on the same data).
/// </summary>
public class ReplayPipelineTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    private static readonly JsonElement Metrics = JsonDocument.Parse(File.ReadAllText(RepoPaths.Combine("models", "metrics.json"))).RootElement;

    [Fact]
    public void Traffic_detection_counts_the_recorded_crossings_and_scores_like_the_model_card()
    {
        var documented = Metrics.GetProperty("traffic-detector").GetProperty("replay");
        var (kpis, model) = ReplayOnce("traffic-detector", "traffic", new PipelineOptions { Kind = "traffic-detection" }, seconds: 24);

        Assert.Equal(120, kpis[KpiWindow.SamplesKpi]);
        Assert.Equal(documented.GetProperty("precision").GetDouble(), kpis["detection_precision"], 0.02);
        Assert.Equal(documented.GetProperty("recall").GetDouble(), kpis["detection_recall"], 0.02);
        Assert.Equal(documented.GetProperty("vehicle_crossings").GetInt32(), kpis["vehicle_count"], tolerance: 2.0);
        Assert.Equal(documented.GetProperty("pedestrian_crossings").GetInt32(), kpis["pedestrian_count"], tolerance: 1.0);
        Assert.Equal(kpis["vehicle_count"] * 3600 / 24, kpis["vehicle_flow_per_hour"], 6);
        Assert.InRange(kpis["mean_vehicles_per_frame"], 1, kpis["max_vehicles_per_frame"]);
        AssertLatency(kpis, 120 / 24.0);
        Assert.Equal(Metrics.GetProperty("traffic-detector").GetProperty("sha256").GetString(), model.Sha256);
    }

    [Fact]
    public void Visual_inspection_scores_like_the_model_card()
    {
        var documented = Metrics.GetProperty("inspection-classifier").GetProperty("replay");
        var (kpis, _) = ReplayOnce("inspection-classifier", "inspection", new PipelineOptions { Kind = "visual-inspection" }, seconds: 40);

        Assert.Equal(80, kpis["units_inspected"]);
        Assert.Equal(documented.GetProperty("accuracy").GetDouble(), kpis["classification_accuracy"], 0.0001);
        Assert.Equal(documented.GetProperty("f1").GetDouble(), kpis["classification_f1"], 0.0001);
        Assert.InRange(kpis["defect_rate"], 0.1, 0.4);
        AssertLatency(kpis, 2);
    }

    [Fact]
    public void Vibration_anomaly_flags_the_documented_windows_and_detects_each_fault_in_time()
    {
        var documented = Metrics.GetProperty("vibration-autoencoder");
        var options = new PipelineOptions { Kind = "vibration-anomaly", AnomalyThreshold = documented.GetProperty("threshold").GetDouble() };
        var (kpis, _) = ReplayOnce("vibration-autoencoder", "vibration", options, seconds: 40);

        var replay = documented.GetProperty("replay");
        Assert.Equal(replay.GetProperty("windows").GetInt32(), kpis["vibration_windows"]);
        Assert.Equal(replay.GetProperty("flagged").GetInt32() / kpis["vibration_windows"], kpis["anomaly_rate"], 0.01);
        Assert.Equal(replay.GetProperty("detection_delay_s").EnumerateArray().Average(d => d.GetDouble()), kpis["anomaly_detection_delay_s"], 0.001);
        Assert.True(kpis["reconstruction_error_max"] > options.AnomalyThreshold);
        Assert.Equal(1, kpis["input_processed_share"]);
    }

    [Fact]
    public void A_hop_longer_than_the_model_window_passes_over_samples_and_the_pipeline_says_how_many_it_ran()
    {
        var documented = Metrics.GetProperty("vibration-autoencoder");

        // The autoencoder takes 128 samples; a hop of 512 runs it on one window in four and leaves the rest unseen.
        var options = new PipelineOptions { Kind = "vibration-anomaly", AnomalyThreshold = documented.GetProperty("threshold").GetDouble(), HopSamples = 512 };
        var (kpis, _) = ReplayOnce("vibration-autoencoder", "vibration", options, seconds: 40);

        // 40 s at 512 Hz = 20 480 samples: windows end at samples 128, 640, …, 20 096 (40 of them, 128 samples each), so
        // 20 096 samples are settled and 5 120 of them ran. The last 384 wait for a window 40 s of replay never completes.
        Assert.Equal(40, kpis["vibration_windows"]);
        Assert.Equal(Math.Round(40 * 128 / 20_096.0, 6), kpis["input_processed_share"]);
    }

    [Fact]
    public void Vibration_anomaly_measures_each_fault_again_in_every_loop_of_the_replay()
    {
        var documented = Metrics.GetProperty("vibration-autoencoder");
        var options = new PipelineOptions { Kind = "vibration-anomaly", AnomalyThreshold = documented.GetProperty("threshold").GetDouble() };
        var delays = documented.GetProperty("replay").GetProperty("detection_delay_s").EnumerateArray().Select(d => d.GetDouble()).ToList();

        // The replay holds 40 s; 80 s play it twice, and the second loop's faults are as new as the first's.
        var (kpis, _, samples) = Replay("vibration-autoencoder", "vibration", options, seconds: 80);

        Assert.Equal(2 * delays.Count, samples.Count(s => s.Name == "anomaly_detection_delay"));
        Assert.Equal(delays.Average(), kpis["anomaly_detection_delay_s"], 0.001);
    }

    [Fact]
    public void Vitals_classification_scores_like_the_model_card_and_alerts_each_episode()
    {
        var documented = Metrics.GetProperty("vitals-classifier").GetProperty("replay");
        var (kpis, _) = ReplayOnce("vitals-classifier", "vitals", new PipelineOptions { Kind = "vitals-classification" }, seconds: 900);

        Assert.Equal(documented.GetProperty("windows").GetInt32(), kpis[KpiWindow.SamplesKpi]);
        Assert.Equal(documented.GetProperty("accuracy").GetDouble(), kpis["classification_accuracy"], 0.0001);
        Assert.Equal(documented.GetProperty("f1").GetDouble(), kpis["classification_f1"], 0.0001);
        Assert.InRange(kpis["alert_count"], 4, 6);
        Assert.InRange(kpis["time_to_alert_s"], 1, 30);
        Assert.InRange(kpis["spo2_min"], 70, 90);
        Assert.Equal(1, kpis["input_processed_share"]);
    }

    [Fact]
    public void Load_forecasting_forecasts_each_next_reading_as_well_as_the_model_card_says()
    {
        var documented = Metrics.GetProperty("load-forecaster").GetProperty("replay");
        var history = Metrics.GetProperty("load-forecaster").GetProperty("history_hours").GetInt32();

        // The three weeks of hourly readings in one tick, short of the loop's restart.
        var (kpis, _, samples) = Replay("load-forecaster", "load", new PipelineOptions { Kind = "load-forecasting" }, seconds: (21 * 24 * 3600) - 1);

        // Each forecast is of the reading that follows it; the cloud pairs them the same way across reports.
        var pairs = new List<(double Measured, double Forecast)>();
        double? pending = null;
        foreach (var sample in samples.Where(s => s.Name is "load" or "forecast"))
        {
            if (sample.Name == "forecast")
            {
                pending = sample.Value;
            }
            else if (pending is { } forecast)
            {
                pairs.Add((sample.Value, forecast));
                pending = null;
            }
        }

        var mean = pairs.Average(p => p.Measured);
        var cvRmse = Math.Sqrt(pairs.Average(p => (p.Measured - p.Forecast) * (p.Measured - p.Forecast))) / mean;
        var nmbe = pairs.Sum(p => p.Measured - p.Forecast) / (pairs.Count * mean);
        Assert.InRange(pairs.Count, documented.GetProperty("pairs").GetInt32() - 1, documented.GetProperty("pairs").GetInt32());
        Assert.Equal(documented.GetProperty("cv_rmse").GetDouble(), cvRmse, 0.001);
        Assert.Equal(documented.GetProperty("nmbe").GetDouble(), nmbe, 0.001);
        Assert.Equal(samples.Count(s => s.Name == "load"), history + samples.Count(s => s.Name == "forecast") - 1);
        Assert.InRange(kpis["load_measured_kw"], 150, 700);
        Assert.InRange(kpis["load_forecast_kw"], 150, 700);
        Assert.Equal(1, kpis["input_processed_share"]);
    }

    private static (Dictionary<string, double> Kpis, Contracts.Messages.ModelInfo Model) ReplayOnce(string model, string replay, PipelineOptions options, int seconds)
    {
        var (kpis, modelInfo, _) = Replay(model, replay, options, seconds);
        return (kpis, modelInfo);
    }

    private static (Dictionary<string, double> Kpis, Contracts.Messages.ModelInfo Model, List<Sample> Samples) Replay(string model, string replay, PipelineOptions options, int seconds)
    {
        var replayData = ReplayData.Load(RepoPaths.Combine("models", "replay", replay));
        var session = InferenceSession.Open(OnnxRuntime.Load(), RepoPaths.Combine("models", $"{model}.onnx"), new InferenceOptions());
        using var source = SampleSourceFactory.Build(options, new ModelRunner(session, options with { ModelVersion = "1" }), replayData, labelled: true);
        var window = new KpiWindow(source.Kpis, Start, TimeSpan.FromSeconds(seconds), source.InputSample);
        var samples = new List<Sample>();

        source.Tick(Start.AddSeconds(seconds), seconds, samples);

        samples.ForEach(window.Add);
        return (window.Compute(), source.Model!, samples);
    }

    private static void AssertLatency(Dictionary<string, double> kpis, double perSecond)
    {
        Assert.Equal(perSecond, kpis["inferences_per_s"], 6);
        Assert.True(kpis["inference_p50_ms"] > 0);
        Assert.InRange(kpis["inference_p95_ms"], kpis["inference_p50_ms"], kpis["inference_p99_ms"]);
        Assert.Equal(1, kpis["input_processed_share"]);
    }
}
