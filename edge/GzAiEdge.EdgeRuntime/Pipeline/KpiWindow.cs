using GzAiEdge.Scenarios.Kpis;

namespace GzAiEdge.EdgeRuntime.Pipeline;

/// <summary>
/// Accumulates the samples of one window and computes its KPIs when it closes. A KPI whose
/// aggregation needs values (mean, min, max) is left out of a window that had none, rather than
/// reported as a made-up zero; counts and sums are reported as 0. Every window also reports
/// <see cref="SamplesKpi"/>, so that a window without data is still a valid report that says so: every
/// sample, or only those named <c>inputSample</c> when the source says which samples are its inputs.
/// Percentiles keep the window's values; other aggregations keep running sums.
/// </summary>
public sealed class KpiWindow
{
    /// <summary>How many samples the window received, whatever their kind: the catalogue's <c>samples</c> key.</summary>
    public static readonly string SamplesKpi = ServiceKpis.Samples.Key;

    private long _samples;

    private readonly IReadOnlyList<WindowKpi> _definitions;
    private readonly string? _inputSample;
    private readonly Dictionary<string, Accumulator> _bySample = new(StringComparer.Ordinal);

    public KpiWindow(IReadOnlyList<WindowKpi> definitions, DateTimeOffset start, TimeSpan length, string? inputSample = null)
    {
        _definitions = definitions;
        _inputSample = inputSample;
        Start = start;
        End = start + length;
        foreach (var definition in definitions)
        {
            var keepValues = definition.Aggregation is WindowAggregation.P50 or WindowAggregation.P95 or WindowAggregation.P99;
            if (!_bySample.TryAdd(definition.SampleName, new Accumulator(keepValues)) && keepValues)
            {
                _bySample[definition.SampleName] = new Accumulator(keepValues: true);
            }

            if (definition.Denominator is { } denominator)
            {
                _bySample.TryAdd(denominator, new Accumulator(keepValues: false));
            }
        }
    }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    /// <summary>The window of <paramref name="length"/> that holds <paramref name="time"/>, aligned to the epoch.</summary>
    public static DateTimeOffset AlignedStart(DateTimeOffset time, TimeSpan length) =>
        new(time.UtcTicks - (time.UtcTicks % length.Ticks), TimeSpan.Zero);

    public bool Contains(DateTimeOffset time) => time >= Start && time < End;

    /// <summary>Adds a sample; samples no KPI reads are ignored.</summary>
    public void Add(Sample sample)
    {
        if (_inputSample is null || _inputSample == sample.Name)
        {
            _samples++;
        }

        if (_bySample.TryGetValue(sample.Name, out var accumulator))
        {
            accumulator.Add(sample.Value);
        }
    }

    /// <summary>The KPIs of this window.</summary>
    public Dictionary<string, double> Compute()
    {
        var seconds = (End - Start).TotalSeconds;
        var kpis = new Dictionary<string, double>(StringComparer.Ordinal) { [SamplesKpi] = _samples };
        foreach (var definition in _definitions)
        {
            var a = _bySample[definition.SampleName];
            double? value = definition.Aggregation switch
            {
                WindowAggregation.Count => a.Count,
                WindowAggregation.CountPerHour => a.Count * 3600 / seconds,
                WindowAggregation.CountPerSecond => a.Count / seconds,
                WindowAggregation.Sum => a.Sum,
                WindowAggregation.Mean => a.Count > 0 ? a.Sum / a.Count : null,
                WindowAggregation.Min => a.Count > 0 ? a.Min : null,
                WindowAggregation.Max => a.Count > 0 ? a.Max : null,
                WindowAggregation.P50 => a.Percentile(0.50),
                WindowAggregation.P95 => a.Percentile(0.95),
                WindowAggregation.P99 => a.Percentile(0.99),
                WindowAggregation.Ratio => _bySample[definition.Denominator!].Sum is > 0 and var d ? a.Sum / d : null,
                _ => throw new InvalidOperationException($"unknown aggregation {definition.Aggregation}"),
            };
            if (value is { } v)
            {
                kpis[definition.Name] = Math.Round(v, 6);
            }
        }

        return kpis;
    }

    private sealed class Accumulator(bool keepValues)
    {
        private readonly List<double>? _values = keepValues ? [] : null;

        public long Count { get; private set; }

        public double Sum { get; private set; }

        public double Min { get; private set; } = double.PositiveInfinity;

        public double Max { get; private set; } = double.NegativeInfinity;

        public void Add(double value)
        {
            Count++;
            Sum += value;
            Min = Math.Min(Min, value);
            Max = Math.Max(Max, value);
            _values?.Add(value);
        }

        // Linear interpolation between closest ranks (numpy's default), so p50 of [1, 2, 3, 4] is 2.5.
        public double? Percentile(double q)
        {
            if (_values is not { Count: > 0 })
            {
                return null;
            }

            _values.Sort();
            var rank = q * (_values.Count - 1);
            var lo = (int)Math.Floor(rank);
            var hi = Math.Min(lo + 1, _values.Count - 1);
            return _values[lo] + ((_values[hi] - _values[lo]) * (rank - lo));
        }
    }
}
