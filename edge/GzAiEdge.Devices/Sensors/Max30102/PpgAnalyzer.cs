namespace GzAiEdge.Devices.Sensors.Max30102;

/// <summary>
/// Heart rate and SpO2 from red and IR photoplethysmograms, one sample at a time. Each channel's DC is a 1.5 s
/// moving average; its pulse (AC) is the signal band-passed 0.5–4 Hz (two Butterworth sections). Heart rate: the
/// IR pulse inverted (more blood absorbs more light, so systole is a dip), peaks above half the running peak
/// height at least 0.3 s apart (200 bpm), peak times refined by a parabola through three samples, and the mean
/// of the last eight intervals that lie within 20 % of their median. SpO2: the ratio of ratios
/// R = (AC_red/DC_red)/(AC_ir/DC_ir), AC the RMS over about 4 s (the same filter on both channels cancels in R),
/// through SpO2 = 104 − 17·R. Allocates nothing per sample. Not a medical device: the curve is a generic
/// approximation, not calibrated against blood gas for this sensor and enclosure.
/// </summary>
public sealed class PpgAnalyzer
{
    private const int Intervals = 8;
    private const int MinIntervals = 4;
    private const double MinInterval = 0.3;
    private const double MaxInterval = 2.0;
    private const double PulseLostAfter = 2.5;

    private readonly PpgAnalyzerOptions _options;
    private readonly double _sampleRate;
    private readonly double _dcAlpha;
    private readonly double _acAlpha;
    private readonly long _warmUpSamples;
    private readonly double[] _intervals = new double[Intervals];
    private readonly double[] _sorted = new double[Intervals];
    private Biquad _irHigh, _irLow, _redHigh, _redLow;
    private double _dcIr, _dcRed, _acIr2, _acRed2;
    private double _y1, _y2, _lastPeak, _peakLevel;
    private int _intervalCount, _intervalNext;
    private long _n;

    public PpgAnalyzer(double sampleRateHz, PpgAnalyzerOptions? options = null)
    {
        _options = options ?? new PpgAnalyzerOptions();
        CheckSampleRate(sampleRateHz, _options);
        _sampleRate = sampleRateHz;
        _dcAlpha = 1 - Math.Exp(-1 / (1.5 * sampleRateHz));
        _acAlpha = 1 - Math.Exp(-1 / (4.0 * sampleRateHz));
        _warmUpSamples = (long)(_options.WarmUp.TotalSeconds * sampleRateHz);
        Reset();
    }

    /// <summary>Throws when <paramref name="options"/> cannot work at <paramref name="sampleRateHz"/>.</summary>
    internal static void CheckSampleRate(double sampleRateHz, PpgAnalyzerOptions options)
    {
        if (!(sampleRateHz >= options.MinSampleRateHz))
            throw new ArgumentOutOfRangeException(nameof(sampleRateHz), sampleRateHz,
                $"the PPG analysis needs at least {options.MinSampleRateHz} samples/s (8 × its {options.HighCutoffHz} Hz band edge)");
    }

    /// <summary>The reading after the last sample added.</summary>
    public PpgReading Current { get; private set; }

    /// <summary>Adds one sample (FIFO order, no gaps: call <see cref="Reset"/> after lost samples) and returns the reading.</summary>
    public PpgReading Add(int red, int ir)
    {
        if (ir < _options.FingerThreshold)
        {
            if (_n > 0)
                Reset();
            return Current;
        }
        if (_n == 0)
            (_dcIr, _dcRed) = (ir, red);
        _dcIr += _dcAlpha * (ir - _dcIr);
        _dcRed += _dcAlpha * (red - _dcRed);
        var acIr = _irLow.Next(_irHigh.Next(ir - _dcIr));
        var acRed = _redLow.Next(_redHigh.Next(red - _dcRed));
        _acIr2 += _acAlpha * (acIr * acIr - _acIr2);
        _acRed2 += _acAlpha * (acRed * acRed - _acRed2);

        var n = _n++;
        var y0 = -acIr;
        if (n >= _warmUpSamples)
            FindPeak(n, y0);
        (_y2, _y1) = (_y1, y0);
        return Current = Evaluate(n);
    }

    /// <summary>Forgets everything: a finger was lifted, or samples were lost.</summary>
    public void Reset()
    {
        (_irHigh, _irLow) = (Biquad.HighPass(_options.LowCutoffHz, _sampleRate), Biquad.LowPass(_options.HighCutoffHz, _sampleRate));
        (_redHigh, _redLow) = (Biquad.HighPass(_options.LowCutoffHz, _sampleRate), Biquad.LowPass(_options.HighCutoffHz, _sampleRate));
        (_dcIr, _dcRed, _acIr2, _acRed2) = (0, 0, 0, 0);
        (_y1, _y2, _lastPeak, _peakLevel) = (0, 0, double.NaN, 0);
        (_intervalCount, _intervalNext, _n) = (0, 0, 0);
        Current = default;
    }

    /// <summary>Is the sample before <paramref name="n"/> a pulse peak? <paramref name="y0"/> is sample n.</summary>
    private void FindPeak(long n, double y0)
    {
        var threshold = Math.Max(0.5 * _peakLevel, 0.5 * Math.Sqrt(_acIr2));
        if (!(_y1 > _y2 && _y1 >= y0 && _y1 > threshold))
            return;
        var curvature = _y2 - 2 * _y1 + y0;
        var at = n - 1 + (curvature < 0 ? 0.5 * (_y2 - y0) / curvature : 0);
        if (!double.IsNaN(_lastPeak))
        {
            var interval = (at - _lastPeak) / _sampleRate;
            if (interval < MinInterval)
                return;
            if (interval > MaxInterval)
            {
                (_intervalCount, _intervalNext) = (0, 0); // a pause breaks the chain of beats
            }
            else
            {
                _intervals[_intervalNext] = interval;
                _intervalNext = (_intervalNext + 1) % Intervals;
                _intervalCount = Math.Min(_intervalCount + 1, Intervals);
            }
        }
        _lastPeak = at;
        _peakLevel = _peakLevel == 0 ? _y1 : 0.8 * _peakLevel + 0.2 * _y1;
    }

    private PpgReading Evaluate(long n)
    {
        var perfusion = Math.Sqrt(_acIr2) / _dcIr;
        var heartRate = perfusion >= _options.MinPerfusion && (n - _lastPeak) / _sampleRate < PulseLostAfter ? HeartRate() : null;
        if (heartRate is null)
            return new PpgReading(true, null, null, null, perfusion * 100);
        var ratio = Math.Sqrt(_acRed2) / _dcRed / perfusion;
        double? spo2 = ratio >= _options.MinRatio && ratio <= _options.MaxRatio
            ? Math.Min(100, _options.Spo2Intercept - _options.Spo2Slope * ratio)
            : null;
        return new PpgReading(true, heartRate, spo2, ratio, perfusion * 100);
    }

    private double? HeartRate()
    {
        if (_intervalCount < MinIntervals)
            return null;
        var sorted = _sorted.AsSpan(0, _intervalCount);
        _intervals.AsSpan(0, _intervalCount).CopyTo(sorted);
        sorted.Sort();
        var median = sorted[_intervalCount / 2];
        var (sum, kept) = (0.0, 0);
        foreach (var interval in sorted)
        {
            if (Math.Abs(interval - median) <= 0.2 * median)
                (sum, kept) = (sum + interval, kept + 1);
        }
        return kept >= MinIntervals - 1 ? 60 * kept / sum : null;
    }
}
