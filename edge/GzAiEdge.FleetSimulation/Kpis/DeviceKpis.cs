using GzAiEdge.EdgeRuntime.Pipeline;
using GzAiEdge.EdgeRuntime.Simulation;
using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.Scenarios.Kpis;
using GzAiEdge.Scenarios.Programmes;

namespace GzAiEdge.FleetSimulation.Kpis;

/// <summary>
/// The KPIs one simulated device reports per window, as a device of its scenario type would: its
/// sector's simulation (edge/GzAiEdge.EdgeRuntime/Simulation) through a <see cref="KpiWindow"/> as the edge
/// pipeline does it, the type's scored KPIs around this device's own quality between threshold and
/// target (<see cref="RubricKpis"/>, so that evaluation has something to rank), and the inference
/// timings every inference pipeline sends (docs/kpis.md). Deterministic for a seed.
/// </summary>
public sealed class DeviceKpis
{
    private readonly ISimulation _simulation;
    private readonly RubricKpis _rubric;
    private readonly InferenceTimings _timings;
    private readonly TimeSpan _length;
    private readonly List<Sample> _samples = [];
    private KpiWindow _window;

    public DeviceKpis(Programme programme, Scenario scenario, int seed, TimeSpan window, DateTimeOffset now)
    {
        var random = new Random(seed);
        _simulation = SimulationProfiles.Create(ProfileOf(scenario.Sector), seed);
        _rubric = new RubricKpis(programme.RubricFor(scenario), scenario.Period, window, random);
        _timings = new InferenceTimings(random);
        _length = window;
        _window = new KpiWindow(_simulation.Kpis, KpiWindow.AlignedStart(now, window), window);
    }

    /// <summary>End of the open window: a tick at or after it must <see cref="Close"/> it first.</summary>
    public DateTimeOffset WindowEnd => _window.End;

    /// <summary>Adds what the device observed during the <paramref name="seconds"/> that end at <paramref name="now"/>.</summary>
    public void Tick(DateTimeOffset now, double seconds)
    {
        _samples.Clear();
        _simulation.Tick(now, seconds, _samples);
        foreach (var sample in _samples)
        {
            _window.Add(sample);
        }
    }

    /// <summary>Closes the open window and opens the next; returns the closed window's bounds and KPIs.</summary>
    public (DateTimeOffset Start, DateTimeOffset End, Dictionary<string, double> Kpis) Close()
    {
        var closed = _window;
        var kpis = closed.Compute();
        _rubric.AddTo(kpis);
        _timings.AddTo(kpis);
        _window = new KpiWindow(_simulation.Kpis, closed.End, _length);
        return (closed.Start, closed.End, kpis);
    }

    // City scenarios watch crowds and streets: the traffic simulation's pedestrians and vehicles.
    private static string ProfileOf(Sector sector) => sector switch
    {
        Sector.Manufacturing => SimulationProfileNames.Manufacturing,
        Sector.Medical => SimulationProfileNames.Medical,
        _ => SimulationProfileNames.Traffic,
    };
}
