using GzAiEdge.Devices.I2c;
using GzAiEdge.Devices.Sources;
using GzAiEdge.Devices.Sources.Sensors;
using Microsoft.Extensions.Logging;

namespace GzAiEdge.Devices.Sensors.Bme280;

/// <summary>
/// Temperature (°C), relative humidity (%) and pressure (hPa) for the <c>environment</c> pipeline: one measurement
/// per tick of the pipeline. In forced mode (the default, the datasheet's weather setting 3.5.1) the
/// tick triggers it and waits its t_measure,max (about 9 ms at x1); in normal mode it reads the latest one. A
/// reading with a value the chip could not give (pressure with an unprogrammed dig_P1) is skipped and counted, never
/// reported as 0.
/// </summary>
public sealed class Bme280SignalSource : SensorSource
{
    public const string Temperature = "temperature_c", Humidity = "humidity_pct", Pressure = "pressure_hpa";

    private readonly Func<II2cDevice> _open;
    private readonly Bme280Settings _settings;
    private readonly TimeProvider? _time;
    private readonly float[] _values = new float[3];
    private Bme280Sensor? _sensor;
    private long _index;

    /// <param name="open">Opens the chip's bus anew each time the source (re)opens (<see cref="ISensorPorts.OpenI2c"/>).</param>
    public Bme280SignalSource(
        Func<II2cDevice> open, Bme280Settings settings, double tickHz, string device,
        SourceRecovery recovery, TimeProvider? time = null, ILogger? logger = null)
        : base("bme280", device, new SignalFormat([Temperature, Humidity, Pressure], tickHz), recovery, logger)
    {
        settings.Validate();
        (_open, _settings, _time) = (open, settings, time);
    }

    private protected override void OpenDevice()
    {
        var sensor = Initialised(new Bme280Sensor(_open(), _time), s => s.InitializeAsync(_settings, CancellationToken.None));
        (_sensor, _index) = (sensor, 0);
    }

    private protected override void Poll(DateTimeOffset now, TimeSpan elapsed)
    {
        var reading = _sensor!.ReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        if (reading is { TemperatureCelsius: { } t, HumidityPercent: { } h, PressureHectopascals: { } p })
        {
            (_values[0], _values[1], _values[2]) = ((float)t, (float)h, (float)p);
            Emit(_values, new SampleStamp(now, _index++));
        }
        else
        {
            Skip();
        }
    }

    private protected override void CloseDevice()
    {
        _sensor?.Dispose();
        _sensor = null;
    }
}
