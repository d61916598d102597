using GzAiEdge.Scenarios.Kpis;

namespace GzAiEdge.EdgeRuntime.Simulation;

/// <summary>The simulated sources by profile name.</summary>
public static class SimulationProfiles
{
    public static readonly IReadOnlyList<string> Names = SimulationProfileNames.All;

    public static ISimulation Create(string profile, int seed) => profile switch
    {
        SimulationProfileNames.Traffic => new TrafficSimulation(new Random(seed)),
        SimulationProfileNames.Manufacturing => new ManufacturingSimulation(new Random(seed)),
        SimulationProfileNames.Medical => new MedicalSimulation(new Random(seed)),
        _ => throw new ArgumentException($"unknown simulation profile '{profile}'", nameof(profile)),
    };

    /// <summary>A draw from a Poisson process: did an event with <paramref name="ratePerSecond"/> happen in the tick?</summary>
    internal static int Arrivals(Random random, double ratePerSecond, double seconds)
    {
        // Knuth's method; the expected count per tick is small (< 10), so the loop is short.
        var limit = Math.Exp(-ratePerSecond * seconds);
        var count = 0;
        for (var p = random.NextDouble(); p > limit; p *= random.NextDouble())
        {
            count++;
        }

        return count;
    }

    /// <summary>A normal draw (Box-Muller).</summary>
    internal static double Normal(Random random, double mean, double deviation) =>
        mean + (deviation * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));

    /// <summary>0 at night, 1 at the day's peak: a smooth daily cycle in Guangzhou time (UTC+8).</summary>
    internal static double DailyCycle(DateTimeOffset time)
    {
        var hour = time.ToOffset(TimeSpan.FromHours(8)).TimeOfDay.TotalHours;
        return 0.5 - (0.5 * Math.Cos((hour - 2) / 24 * 2 * Math.PI));
    }
}
