using GzAiEdge.Scenarios.Programmes;
using GzAiEdge.Scenarios.Ranking;

namespace GzAiEdge.Evaluation;

/// <summary>Every evaluated scenario, the leaderboard over them and the benchmark selection.</summary>
public sealed record ProgrammeEvaluation(
    Programme Programme,
    IReadOnlyList<ScenarioEvaluation> Scenarios,
    IReadOnlyList<RankedScenario> Leaderboard,
    IReadOnlyList<RankedScenario> Benchmarks)
{
    /// <summary>Every model version seen in the scenarios' data, in ordinal order.</summary>
    public IEnumerable<string> Models => Scenarios.SelectMany(s => s.Models).Distinct().Order(StringComparer.Ordinal);

    /// <summary>The programme's evidence line: the first scenario's, or <see cref="EvidenceNotChecked.Description"/> when none was evaluated.</summary>
    public string Evidence => Scenarios.FirstOrDefault()?.Evidence ?? EvidenceNotChecked.Description;
}
