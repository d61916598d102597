using GzAiEdge.EdgeRuntime.Pipeline;
using GzAiEdge.Scenarios.Kpis;

namespace GzAiEdge.EdgeRuntime.Simulation;

/// <summary>
/// A ward patient's vital signs: heart rate and SpO2 with occasional desaturation episodes.
/// A sample is abnormal when SpO2 is under 90 % or heart rate is outside 45–120 bpm.
/// </summary>
public sealed class MedicalSimulation(Random random) : ISimulation
{
    private double _episodeSecondsLeft;

    public IReadOnlyList<WindowKpi> Kpis { get; } =
    [
        new(MedicalKpis.HeartRateMean.Key, "heart_rate", WindowAggregation.Mean),
        new(MedicalKpis.Spo2Mean.Key, "spo2", WindowAggregation.Mean),
        new(MedicalKpis.Spo2Min.Key, "spo2", WindowAggregation.Min),
        new(MedicalKpis.AbnormalShare.Key, "abnormal", WindowAggregation.Mean),
    ];

    public void Tick(DateTimeOffset time, double seconds, List<Sample> samples)
    {
        if (_episodeSecondsLeft <= 0 && random.NextDouble() < 0.01 * seconds)
        {
            _episodeSecondsLeft = 5 + (random.NextDouble() * 20);
        }

        var inEpisode = _episodeSecondsLeft > 0;
        _episodeSecondsLeft -= seconds;
        var heartRate = SimulationProfiles.Normal(random, inEpisode ? 118 : 76, 4);
        var spo2 = Math.Min(100, SimulationProfiles.Normal(random, inEpisode ? 87 : 97.5, 1));
        samples.Add(new Sample(time, "heart_rate", heartRate));
        samples.Add(new Sample(time, "spo2", spo2));
        var abnormal = spo2 < 90 || heartRate is < 45 or > 120;
        samples.Add(new Sample(time, "abnormal", abnormal ? 1 : 0));
    }
}
