using GzAiEdge.Devices.Sensors.Bme280;
using GzAiEdge.Devices.Sources;
using GzAiEdge.Scenarios.Kpis;

namespace GzAiEdge.EdgeRuntime.Pipeline.Sensors;

/// <summary>Temperature, humidity and pressure → their mean, minimum and maximum per window, no model (environment in docs/kpis.md).</summary>
public sealed class EnvironmentPipeline(ISignalSource signal) : SignalPipeline(signal, Channels, Definitions, Bme280SignalSource.Temperature)
{
    private static readonly string[] Channels = [Bme280SignalSource.Temperature, Bme280SignalSource.Humidity, Bme280SignalSource.Pressure];

    private static readonly WindowKpi[] Definitions =
    [
        .. Spread(Bme280SignalSource.Temperature, EnvironmentKpis.TemperatureMeanC, EnvironmentKpis.TemperatureMinC, EnvironmentKpis.TemperatureMaxC),
        .. Spread(Bme280SignalSource.Humidity, EnvironmentKpis.HumidityMeanPct, EnvironmentKpis.HumidityMinPct, EnvironmentKpis.HumidityMaxPct),
        .. Spread(Bme280SignalSource.Pressure, EnvironmentKpis.PressureMeanHpa, EnvironmentKpis.PressureMinHpa, EnvironmentKpis.PressureMaxHpa),
    ];

    private protected override void Add(DateTimeOffset time, ReadOnlySpan<float> values, List<Sample> samples)
    {
        for (var i = 0; i < Channels.Length; i++)
        {
            samples.Add(new Sample(time, Channels[i], values[i]));
        }
    }

    private static WindowKpi[] Spread(string sample, KpiDefinition mean, KpiDefinition min, KpiDefinition max) =>
    [
        new(mean.Key, sample, WindowAggregation.Mean),
        new(min.Key, sample, WindowAggregation.Min),
        new(max.Key, sample, WindowAggregation.Max),
    ];
}
