using GzAiEdge.Contracts.Messages;
using GzAiEdge.Devices.Sources;

namespace GzAiEdge.EdgeRuntime.Pipeline.Sensors;

/// <summary>
/// A pipeline without a model: each tick it advances its sensor source and turns every sample it released into KPI
/// samples. It owns the source (released on dispose) and reports its health.
/// </summary>
public abstract class SignalPipeline : ISampleSource
{
    private const int ChunkSamples = 64;

    private readonly ISignalSource _signal;
    private readonly float[] _values;
    private readonly SampleStamp[] _stamps = new SampleStamp[ChunkSamples];

    /// <param name="channels">The channels the pipeline reads, in this order; the source must deliver exactly these.</param>
    private protected SignalPipeline(ISignalSource signal, IReadOnlyList<string> channels, IReadOnlyList<WindowKpi> kpis, string inputSample)
    {
        if (!signal.Format.Channels.SequenceEqual(channels))
        {
            throw new InvalidDataException(
                $"a signal of [{string.Join(", ", signal.Format.Channels)}] is not what {GetType().Name} reads ([{string.Join(", ", channels)}])");
        }

        _signal = signal;
        _values = new float[ChunkSamples * channels.Count];
        Kpis = kpis;
        InputSample = inputSample;
    }

    public IReadOnlyList<WindowKpi> Kpis { get; }

    public string? InputSample { get; }

    public ModelInfo? Model => null;

    public SourceStats? SourceStats => _signal.Stats;

    public void Tick(DateTimeOffset time, double seconds, List<Sample> samples)
    {
        _signal.Advance(time, TimeSpan.FromSeconds(seconds));
        var channels = _signal.Format.Channels.Count;
        int count;
        while ((count = _signal.Read(_values, _stamps)) > 0)
        {
            for (var i = 0; i < count; i++)
            {
                Add(time, _values.AsSpan(i * channels, channels), samples);
            }
        }
    }

    public void Dispose()
    {
        _signal.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Turns one source sample (its channels, in order) into KPI samples.</summary>
    private protected abstract void Add(DateTimeOffset time, ReadOnlySpan<float> values, List<Sample> samples);
}
