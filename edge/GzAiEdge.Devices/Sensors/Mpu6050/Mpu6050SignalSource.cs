using System.Numerics;
using GzAiEdge.Devices.I2c;
using GzAiEdge.Devices.Sources;
using GzAiEdge.Devices.Sources.Sensors;
using Microsoft.Extensions.Logging;

namespace GzAiEdge.Devices.Sensors.Mpu6050;

/// <summary>The accelerometer axis a vibration source delivers.</summary>
public enum Mpu6050Axis
{
    X,
    Y,
    Z,
}

/// <summary>
/// Vibration for the <c>vibration-anomaly</c> model from the MPU-6050's FIFO: one axis of acceleration in g, at the
/// model's rate, with gravity removed, as the model was trained (models/vibration-autoencoder.md: zero-mean
/// <c>acceleration_g</c> at 512 Hz). The chip's 1 kHz samples go through a band-limited <see cref="Resampler"/>
/// (the anti-aliasing low-pass and the fractional decimation in one). Gravity, and any other slow offset, is the
/// mean of the first second after each open, then followed by a 0.5 Hz one-pole high-pass (its gain at the
/// model's 25 Hz rotation is 0.9998); that second is not delivered. A gap in the FIFO (an overflow, a failed
/// burst) restarts the resampler and the sample index at 0, so no window spans it; the gap counts as lost.
/// </summary>
public sealed class Mpu6050SignalSource : SensorSource
{
    public const string Channel = "acceleration_g";

    private const double HighPassHz = 0.5;

    private readonly Func<II2cDevice> _open;
    private readonly Mpu6050Settings _settings;
    private readonly Mpu6050Axis _axis;
    private readonly TimeProvider _time;
    private readonly Resampler _resampler;
    private readonly Mpu6050Sample[] _frames;
    private readonly float[] _outputs;
    private readonly float[] _value = new float[1];
    private readonly int _warmUp;
    private readonly double _alpha;
    private Mpu6050Sensor? _sensor;
    private long _expected, _since, _index, _lostBefore;
    private int _settling;
    private double _mean;

    /// <param name="open">Opens the chip's bus anew each time the source (re)opens (<see cref="ISensorPorts.OpenI2c"/>).</param>
    /// <param name="outputHz">The model's sample rate.</param>
    public Mpu6050SignalSource(
        Func<II2cDevice> open, Mpu6050Settings settings, Mpu6050Axis axis, double outputHz, string device,
        SourceRecovery recovery, TimeProvider? time = null, ILogger? logger = null)
        : base("mpu6050", device, new SignalFormat([Channel], outputHz), recovery, logger)
    {
        settings.Validate();
        _open = open;
        _settings = settings;
        _axis = axis;
        _time = time ?? TimeProvider.System;
        _resampler = new Resampler(settings.SampleRateHz, outputHz);
        _frames = new Mpu6050Sample[(Mpu6050Registers.FifoSize / settings.FrameSize) + 1];
        _outputs = new float[_resampler.MaxOutputsPerInput];
        _warmUp = (int)Math.Ceiling(outputHz);
        _alpha = 1 - Math.Exp(-2 * Math.PI * HighPassHz / outputHz);
    }

    private protected override void OpenDevice()
    {
        var sensor = Initialised(new Mpu6050Sensor(_open(), _time), s => s.InitializeAsync(_settings, CancellationToken.None));
        _sensor = sensor;
        (_expected, _lostBefore, _settling, _mean) = (0, 0, _warmUp, 0);
        Restart(0);
    }

    private protected override void Poll(DateTimeOffset now, TimeSpan elapsed)
    {
        var sensor = _sensor!;
        int read;
        var bursts = 0;
        do
        {
            read = sensor.ReadSamples(_frames);
            for (var i = 0; i < read; i++)
            {
                Add(sensor, _frames[i]);
            }
        }
        while (read == _frames.Length && ++bursts < 4);

        // The driver counts what the chip overwrote or a failed burst cut, in chip samples.
        Lose((sensor.LostSamples - _lostBefore) * Format.SampleHz / _settings.SampleRateHz);
        _lostBefore = sensor.LostSamples;
    }

    private protected override void CloseDevice()
    {
        _sensor?.Dispose();
        _sensor = null;
    }

    private void Add(Mpu6050Sensor sensor, in Mpu6050Sample sample)
    {
        if (sample.Index != _expected)
        {
            Restart(sample.Index);
        }

        _expected = sample.Index + 1;
        var count = _resampler.Push(Component(sample.Acceleration), _outputs);
        for (var i = 0; i < count; i++)
        {
            var value = _outputs[i];
            if (_settling > 0)
            {
                // Gravity: the plain mean of the first second, so that the high-pass starts settled.
                _mean += (value - _mean) / (_warmUp - --_settling);
                continue;
            }

            _mean += _alpha * (value - _mean);
            _value[0] = (float)(value - _mean);
            var seconds = (_since + _resampler.PositionOf(_resampler.Outputs - count + i)) / _settings.SampleRateHz;
            Emit(_value, new SampleStamp(sensor.StartedAt + TimeSpan.FromSeconds(seconds), _index++));
        }
    }

    private void Restart(long index)
    {
        _resampler.Reset();
        (_since, _index) = (index, 0);
    }

    private float Component(Vector3 acceleration) => _axis switch
    {
        Mpu6050Axis.X => acceleration.X,
        Mpu6050Axis.Y => acceleration.Y,
        _ => acceleration.Z,
    };
}
