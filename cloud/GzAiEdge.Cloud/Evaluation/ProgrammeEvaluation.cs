using GzAiEdge.Scenarios.Programmes;
using GzAiEdge.Scenarios.Ranking;

namespace GzAiEdge.Cloud.Evaluation;

/// <summary>Every evaluated scenario, the leaderboard over them and the benchmark selection.</summary>
public sealed record ProgrammeEvaluation(
    Programme Programme,
    IReadOnlyList<ScenarioEvaluation> Scenarios,
    IReadOnlyList<RankedScenario> Leaderboard,
    IReadOnlyList<RankedScenario> Benchmarks);
