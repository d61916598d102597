namespace GzAiEdge.Devices.Sources.Sensors;

/// <summary>
/// Changes a signal's sample rate by band-limited interpolation (J. O. Smith, "Digital Audio Resampling Home Page",
/// bandlimited interpolation): each output sample is the input weighted by a windowed sinc centred on the output's
/// time, so one kernel is both the anti-aliasing low-pass and the fractional-delay interpolator. The kernel spans
/// <see cref="HalfTaps"/> input samples either side, cuts off at 0.45 of the lower rate and is Blackman-windowed
/// (stop band below −70 dB); it is tabulated at 256 phases between two input samples, linearly interpolated between
/// phases, and each phase is normalised to a DC gain of 1. An output is ready once the input
/// <see cref="HalfTaps"/> samples past its time has arrived. Allocates nothing after construction.
/// </summary>
public sealed class Resampler
{
    /// <summary>Input samples the kernel reaches either side of an output's time (its latency, in input samples).</summary>
    public const int HalfTaps = 32;

    private const int Taps = 2 * HalfTaps;
    private const int Phases = 256;

    private readonly float[] _table = new float[(Phases + 1) * Taps];
    private readonly float[] _history = new float[2 * Taps];
    private readonly double _step;
    private long _inputs;
    private long _outputs;

    public Resampler(double inputHz, double outputHz)
    {
        if (!(inputHz > 0) || !(outputHz > 0) || !double.IsFinite(inputHz) || !double.IsFinite(outputHz))
        {
            throw new ArgumentOutOfRangeException(nameof(outputHz), $"rates must be over 0 ({inputHz} Hz to {outputHz} Hz)");
        }

        _step = inputHz / outputHz;
        var cutoff = 0.45 * Math.Min(inputHz, outputHz) / inputHz; // cycles per input sample
        for (var phase = 0; phase <= Phases; phase++)
        {
            var row = _table.AsSpan(phase * Taps, Taps);
            var sum = 0.0;
            for (var i = 0; i < Taps; i++)
            {
                // Tap i is input n0 - HalfTaps + 1 + i for an output at n0 + phase / Phases.
                var t = ((double)phase / Phases) + HalfTaps - 1 - i;
                var weight = Kernel(t, cutoff);
                row[i] = (float)weight;
                sum += weight;
            }

            for (var i = 0; i < Taps; i++)
            {
                row[i] = (float)(row[i] / sum);
            }
        }
    }

    /// <summary>The most outputs one input can complete: the span <see cref="Push"/> needs.</summary>
    public int MaxOutputsPerInput => (int)Math.Ceiling(1 / _step) + 1;

    /// <summary>Outputs produced since the last <see cref="Reset"/>.</summary>
    public long Outputs => _outputs;

    /// <summary>Where output <paramref name="output"/> lies, in input samples since the last <see cref="Reset"/>.</summary>
    public double PositionOf(long output) => HalfTaps - 1 + (output * _step);

    /// <summary>
    /// Adds the next input sample; writes the outputs it completes to <paramref name="output"/> (at least
    /// <see cref="MaxOutputsPerInput"/> long) and returns how many. The first output lies at input
    /// <c>HalfTaps − 1</c>, where the kernel first has input on both sides.
    /// </summary>
    public int Push(float value, Span<float> output)
    {
        var slot = (int)(_inputs % Taps);
        _history[slot] = value;
        _history[slot + Taps] = value;
        var newest = _inputs++;
        var count = 0;
        for (var at = PositionOf(_outputs); Math.Floor(at) + HalfTaps <= newest; at = PositionOf(_outputs))
        {
            output[count++] = Interpolate(at);
            _outputs++;
        }

        return count;
    }

    /// <summary>Forgets the input: after a gap, a kernel across it would blend samples that do not belong together.</summary>
    public void Reset() => (_inputs, _outputs) = (0, 0);

    private float Interpolate(double at)
    {
        var n0 = (long)Math.Floor(at);
        var where = (at - n0) * Phases;
        var phase = Math.Min((int)where, Phases - 1);
        var a = (float)(where - phase);
        var first = (int)((n0 - HalfTaps + 1) % Taps); // the oldest input under the kernel
        var inputs = _history.AsSpan(first, Taps);
        var lower = _table.AsSpan(phase * Taps, Taps);
        var upper = _table.AsSpan((phase + 1) * Taps, Taps);
        double sum = 0;
        for (var i = 0; i < Taps; i++)
        {
            sum += inputs[i] * (lower[i] + (a * (upper[i] - lower[i])));
        }

        return (float)sum;
    }

    // 2fc·sinc(2fc·t) under a Blackman window spanning ±HalfTaps.
    private static double Kernel(double t, double cutoff)
    {
        if (Math.Abs(t) >= HalfTaps)
        {
            return 0;
        }

        var x = 2 * cutoff * t;
        var sinc = x == 0 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);
        var w = 0.42 + (0.5 * Math.Cos(Math.PI * t / HalfTaps)) + (0.08 * Math.Cos(2 * Math.PI * t / HalfTaps));
        return 2 * cutoff * sinc * w;
    }
}
