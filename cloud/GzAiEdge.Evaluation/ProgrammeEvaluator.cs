using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.Scenarios.Programmes;
using GzAiEdge.Scenarios.Ranking;

namespace GzAiEdge.Evaluation;

/// <summary>Evaluates many scenarios (a few at a time, one InfluxDB request each) and ranks them.</summary>
public sealed class ProgrammeEvaluator(ScenarioEvaluator evaluator)
{
    /// <param name="programme">Catalogue and types.</param>
    /// <param name="scenarios">Which scenarios; all when null.</param>
    /// <param name="period">One period for all; each scenario's catalogue period when null.</param>
    /// <param name="parallelism">Scenarios in flight at once.</param>
    /// <param name="progress">Told after each scenario.</param>
    /// <param name="cancellationToken">Stops the evaluation.</param>
    public async Task<ProgrammeEvaluation> EvaluateAsync(Programme programme, IReadOnlyList<Scenario>? scenarios, DemonstrationPeriod? period,
        int parallelism, IProgress<ScenarioEvaluation>? progress, CancellationToken cancellationToken)
    {
        var chosen = scenarios ?? programme.Catalogue.All;
        var results = new ScenarioEvaluation[chosen.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, chosen.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var scenario = chosen[i];
                var scenarioPeriod = period ?? scenario.Period
                    ?? throw new InvalidOperationException($"scenario '{scenario.Id}' has no period in the catalogue; give one");
                results[i] = await evaluator.EvaluateAsync(programme, scenario, scenarioPeriod, token);
                progress?.Report(results[i]);
            });

        var ordered = results.OrderBy(r => r.Scenario.Id, StringComparer.Ordinal).ToList();
        var leaderboard = Leaderboard.Rank(ordered.Select(r =>
            new RankingCandidate(r.Scenario.Id, r.Scenario.Sector, r.Score.Score, r.Score.Eligible, r.Score.Provisional, r.Completeness, r.Score.Interval)));
        return new ProgrammeEvaluation(programme, ordered, leaderboard, BenchmarkSelection.Select(leaderboard));
    }
}
