namespace GzAiEdge.Edge.Pipeline;

/// <summary>
/// Accumulates the samples of one window and computes its KPIs when it closes. A KPI whose
/// aggregation needs values (mean, min, max) is left out of a window that had none, rather than
/// reported as a made-up zero; counts and sums are reported as 0. Every window also reports
/// <see cref="SamplesKpi"/>, so that a window without data is still a valid report that says so.
/// </summary>
public sealed class KpiWindow
{
    /// <summary>How many samples the window received, whatever their kind.</summary>
    public const string SamplesKpi = "samples";

    private long _samples;

    private readonly IReadOnlyList<KpiDefinition> _definitions;
    private readonly Dictionary<string, Accumulator> _bySample = new(StringComparer.Ordinal);

    public KpiWindow(IReadOnlyList<KpiDefinition> definitions, DateTimeOffset start, TimeSpan length)
    {
        _definitions = definitions;
        Start = start;
        End = start + length;
        foreach (var definition in definitions)
        {
            _bySample.TryAdd(definition.SampleName, new Accumulator());
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
        _samples++;
        if (_bySample.TryGetValue(sample.Name, out var accumulator))
        {
            accumulator.Add(sample.Value);
        }
    }

    /// <summary>The KPIs of this window.</summary>
    public Dictionary<string, double> Compute()
    {
        var hours = (End - Start).TotalHours;
        var kpis = new Dictionary<string, double>(StringComparer.Ordinal) { [SamplesKpi] = _samples };
        foreach (var definition in _definitions)
        {
            var a = _bySample[definition.SampleName];
            double? value = definition.Aggregation switch
            {
                Aggregation.Count => a.Count,
                Aggregation.CountPerHour => a.Count / hours,
                Aggregation.Sum => a.Sum,
                Aggregation.Mean => a.Count > 0 ? a.Sum / a.Count : null,
                Aggregation.Min => a.Count > 0 ? a.Min : null,
                Aggregation.Max => a.Count > 0 ? a.Max : null,
                _ => throw new InvalidOperationException($"unknown aggregation {definition.Aggregation}"),
            };
            if (value is { } v)
            {
                kpis[definition.Name] = Math.Round(v, 6);
            }
        }

        return kpis;
    }

    private sealed class Accumulator
    {
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
        }
    }
}
