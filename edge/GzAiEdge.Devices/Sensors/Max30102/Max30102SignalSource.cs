using GzAiEdge.Devices.I2c;
using GzAiEdge.Devices.Sources;
using GzAiEdge.Devices.Sources.Sensors;
using Microsoft.Extensions.Logging;

namespace GzAiEdge.Devices.Sensors.Max30102;

/// <summary>
/// Heart rate and SpO2 once a second for the <c>vitals-classification</c> model (models/vitals-classifier.md: heart
/// rate in bpm and SpO2 in % at 1 Hz) from the MAX30102's FIFO through <see cref="PpgAnalyzer"/>. Each second of
/// the chip's own clock gives the reading as of its last sample. A second whose reading is null (no finger on the
/// sensor, too few regular beats yet, a pulse too weak) is skipped and counted in <see cref="SourceStats.Skipped"/>:
/// it never becomes a made-up number, and the classifier's window of 30 samples then spans more than 30 s. A second
/// with no sample at all (an overflow, a bus error) counts as lost. After a gap in the FIFO the analysis restarts,
/// since beat intervals across it would be wrong. Not a medical device.
/// </summary>
public sealed class Max30102SignalSource : SensorSource
{
    public const string HeartRate = "heart_rate", Spo2 = "spo2";

    private readonly Func<II2cDevice> _open;
    private readonly Max30102Settings _settings;
    private readonly PpgAnalyzerOptions _analysis;
    private readonly TimeProvider _time;
    private readonly Max30102Sample[] _samples = new Max30102Sample[Max30102Registers.FifoDepth];
    private readonly float[] _values = new float[2];
    private Max30102Sensor? _sensor;
    private PpgAnalyzer? _analyzer;
    private long _expected, _second, _index;
    private bool _sampled;

    /// <param name="open">Opens the chip's bus anew each time the source (re)opens (<see cref="ISensorPorts.OpenI2c"/>).</param>
    public Max30102SignalSource(
        Func<II2cDevice> open, Max30102Settings settings, PpgAnalyzerOptions analysis, string device,
        SourceRecovery recovery, TimeProvider? time = null, ILogger? logger = null)
        : base("max30102", device, new SignalFormat([HeartRate, Spo2], 1), recovery, logger, queueSeconds: 60)
    {
        settings.Validate();
        PpgAnalyzer.CheckSampleRate(settings.SampleRateHz, analysis); // now rather than at open
        _open = open;
        _settings = settings;
        _analysis = analysis;
        _time = time ?? TimeProvider.System;
    }

    private protected override void OpenDevice()
    {
        var sensor = Initialised(new Max30102Sensor(_open(), _time), s => s.InitializeAsync(_settings, CancellationToken.None));
        _sensor = sensor;
        _analyzer = new PpgAnalyzer(sensor.SampleRateHz, _analysis);
        (_expected, _second, _index, _sampled) = (0, 0, 0, false);
    }

    private protected override void Poll(DateTimeOffset now, TimeSpan elapsed)
    {
        var sensor = _sensor!;
        int read;
        var bursts = 0;
        do
        {
            read = sensor.ReadSamples(_samples);
            for (var i = 0; i < read; i++)
            {
                Add(sensor, _samples[i]);
            }
        }
        while (read == _samples.Length && ++bursts < 4);
    }

    private protected override void CloseDevice()
    {
        _sensor?.Dispose();
        _sensor = null;
    }

    private void Add(Max30102Sensor sensor, in Max30102Sample sample)
    {
        if (sample.Index != _expected)
        {
            _analyzer!.Reset();
        }

        _expected = sample.Index + 1;
        var second = (long)Math.Floor(sample.Index / sensor.SampleRateHz);
        while (_second < second)
        {
            EndSecond(sensor);
        }

        _analyzer!.Add(sample.Red, sample.Ir);
        _sampled = true;
    }

    private void EndSecond(Max30102Sensor sensor)
    {
        if (!_sampled)
        {
            Lose(1);
        }
        else if (_analyzer!.Current is { HeartRateBpm: { } heartRate, Spo2Percent: { } spo2 })
        {
            (_values[0], _values[1]) = ((float)heartRate, (float)spo2);
            Emit(_values, new SampleStamp(sensor.StartedAt + TimeSpan.FromSeconds(_second + 1), _index++));
        }
        else
        {
            Skip();
        }

        (_second, _sampled) = (_second + 1, false);
    }
}
