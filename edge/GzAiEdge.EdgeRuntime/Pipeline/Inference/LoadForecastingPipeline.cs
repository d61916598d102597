using GzAiEdge.Devices.Sources;
using GzAiEdge.Inference.Processing;
using GzAiEdge.Scenarios.Kpis;

namespace GzAiEdge.EdgeRuntime.Pipeline.Inference;

/// <summary>
/// Hourly meter readings of load (kW) with the outdoor temperature (°C) → the last H readings → forecaster → the next
/// reading's load (load-forecasting in docs/kpis.md). Each window reports the load measured in it and the forecast
/// made at its last reading, which is of the first reading of the next window: with the device's window as long as
/// one reading interval, the cloud pairs a report's forecast with the next report's measured load (later truth).
/// The device never compares the two itself: the forecast is committed, signed, before its truth exists.
/// </summary>
public sealed class LoadForecastingPipeline : ModelPipeline
{
    /// <summary>The signal's channels, in the model's order.</summary>
    public static readonly IReadOnlyList<string> Channels = ["load_kw", "temperature_c"];

    private const string Load = "load", Forecast = "forecast";

    private readonly SeriesInput _series;

    public LoadForecastingPipeline(ModelRunner runner, ISignalSource signal)
        : base(runner, signal, Own)
    {
        var input = runner.Session.Inputs[0];
        if (!signal.Format.Channels.SequenceEqual(Channels) || input.Shape.Count != 3 || input.Shape[1] != 2 || !input.IsStatic
            || runner.Session.Outputs[0].ElementCount != 1)
        {
            throw new InvalidDataException($"model '{runner.Session.GraphName}' ({input} → {runner.Session.Outputs[0]}) and a signal of [{string.Join(", ", signal.Format.Channels)}] do not make a [1,2,H] load/temperature forecaster with one output");
        }

        // A forecast at every reading: hop 1.
        _series = new SeriesInput(signal, new SlidingWindow((int)input.Shape[2], 1, channels: 2), labels: null, Settled);
    }

    private static WindowKpi[] Own { get; } =
    [
        new(EnergyKpis.LoadMeasuredKw.Key, Load, WindowAggregation.Mean),
        new(EnergyKpis.LoadForecastKw.Key, Forecast, WindowAggregation.Mean),
    ];

    private protected override void Step(DateTimeOffset time, double seconds, List<Sample> samples) =>
        _series.Advance(time, seconds, values => samples.Add(new Sample(time, Load, values[0])), () => Run(time, samples));

    private void Run(DateTimeOffset time, List<Sample> samples)
    {
        _series.Window.CopyTo(Runner.Binding.Input<float>(0));
        Runner.Run(time, samples);
        samples.Add(new Sample(time, Forecast, Runner.Binding.Output<float>(0)[0]));
    }
}
