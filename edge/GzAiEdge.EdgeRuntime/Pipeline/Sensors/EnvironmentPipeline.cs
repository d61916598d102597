using GzAiEdge.Devices.Sensors.Bme280;
using GzAiEdge.Devices.Sources;

namespace GzAiEdge.EdgeRuntime.Pipeline.Sensors;

/// <summary>Temperature, humidity and pressure → their mean, minimum and maximum per window, no model (environment in docs/kpis.md).</summary>
public sealed class EnvironmentPipeline(ISignalSource signal) : SignalPipeline(signal, Channels, Definitions, Bme280SignalSource.Temperature)
{
    private static readonly string[] Channels = [Bme280SignalSource.Temperature, Bme280SignalSource.Humidity, Bme280SignalSource.Pressure];

    private static readonly KpiDefinition[] Definitions =
    [
        .. Spread("temperature", "c", Bme280SignalSource.Temperature),
        .. Spread("humidity", "pct", Bme280SignalSource.Humidity),
        .. Spread("pressure", "hpa", Bme280SignalSource.Pressure),
    ];

    private protected override void Add(DateTimeOffset time, ReadOnlySpan<float> values, List<Sample> samples)
    {
        for (var i = 0; i < Channels.Length; i++)
        {
            samples.Add(new Sample(time, Channels[i], values[i]));
        }
    }

    // temperature_mean_c, temperature_min_c, temperature_max_c: the unit last, as in docs/kpis.md.
    private static KpiDefinition[] Spread(string quantity, string unit, string sample) =>
    [
        new($"{quantity}_mean_{unit}", sample, Aggregation.Mean),
        new($"{quantity}_min_{unit}", sample, Aggregation.Min),
        new($"{quantity}_max_{unit}", sample, Aggregation.Max),
    ];
}
