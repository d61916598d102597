using GzAiEdge.Devices.Sensors.Bme280;
using GzAiEdge.Devices.Sensors.Max30102;
using GzAiEdge.Devices.Sensors.Mpu6050;
using GzAiEdge.Devices.Sensors.PulseCounter;
using Microsoft.Extensions.Logging;

namespace GzAiEdge.Devices.Sources.Sensors;

/// <summary>Builds the signal source a <see cref="SensorOptions"/> describes, over a board's ports or emulators.</summary>
public static class SensorSources
{
    /// <summary>
    /// The source for <paramref name="options"/>, ticked <paramref name="tickHz"/> times a second. Nothing is opened
    /// yet: the source opens its device at its first tick, or at <see cref="SensorSource.Open"/>.
    /// </summary>
    /// <param name="time">Paces the drivers' datasheet waits (the system clock unless given).</param>
    /// <exception cref="ArgumentException">The options have mistakes (<see cref="SensorOptions.Check"/> lists them).</exception>
    public static SensorSource Create(SensorOptions options, double tickHz, ISensorPorts ports, TimeProvider? time = null, ILoggerFactory? logs = null)
    {
        var problems = new SensorOptions.Problems();
        var plan = options.Plan(tickHz, problems);
        if (problems.Count > 0)
        {
            throw new ArgumentException($"sensor {options.Chip}: {string.Join("; ", problems.Select(p => $"Source:{p.Key}: {p.Problem}"))}", nameof(options));
        }

        var device = options.Display;
        var recovery = new SourceRecovery(options.BackoffSeconds, options.MaxBackoffSeconds);
        var logger = logs?.CreateLogger("GzAiEdge.Devices.Sensors");
        var (bus, address) = (plan.Bus, plan.Address);
        return options.Chip switch
        {
            SensorOptions.Mpu6050 when plan.Mpu6050 is var (settings, axis, outputHz) =>
                new Mpu6050SignalSource(() => ports.OpenI2c(bus, address), settings, axis, outputHz, device, recovery, time, logger),
            SensorOptions.Max30102 when plan.Max30102 is var (settings, analysis) =>
                new Max30102SignalSource(() => ports.OpenI2c(bus, address), settings, analysis, device, recovery, time, logger),
            SensorOptions.Bme280 when plan.Bme280 is { } settings =>
                new Bme280SignalSource(() => ports.OpenI2c(bus, address), settings, tickHz, device, recovery, time, logger),
            _ => new PulseCounterSignalSource(() => ports.OpenPulseLine(plan.PulseCounter!), plan.PulseCounter!, tickHz, device, recovery, logger),
        };
    }
}
