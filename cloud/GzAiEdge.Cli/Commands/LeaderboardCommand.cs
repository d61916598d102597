using System.CommandLine;
using System.Globalization;
using GzAiEdge.Evaluation;
using GzAiEdge.Scenarios.Ranking;
using Spectre.Console;

namespace GzAiEdge.Cli.Commands;

/// <summary><c>gz leaderboard</c>: the programme's TOP N and its benchmark scenarios.</summary>
internal static class LeaderboardCommand
{
    public static Command Create()
    {
        var inputs = new EvaluationInputs();
        var top = new Option<int>("--top") { Description = "Leaderboard length", DefaultValueFactory = _ => Leaderboard.DefaultTop };
        var benchmarks = new Option<int>("--benchmarks") { Description = "Benchmark scenarios to select", DefaultValueFactory = _ => BenchmarkSelection.DefaultCount };
        var command = new Command("leaderboard", "Rank the programme (TOP 30) and select the benchmark scenarios (10)");
        inputs.AddTo(command);
        command.Options.Add(top);
        command.Options.Add(benchmarks);
        command.SetAction((result, token) => EvaluationRun.GuardAsync(async () =>
        {
            if (inputs.Resolve(result) is not { } resolved)
            {
                return 2;
            }

            var evaluation = await EvaluationInputs.EvaluateAsync(resolved, token);
            var n = Math.Max(1, result.GetValue(top));
            Print($"Leaderboard (top {n}) · catalogue {evaluation.Programme.CatalogueVersion} · rubric {evaluation.Programme.RubricVersion}", evaluation, Leaderboard.Top(evaluation.Leaderboard, n));
            Print("Benchmark scenarios (best of each sector first, then by rank)", evaluation, BenchmarkSelection.Select(evaluation.Leaderboard, Math.Max(1, result.GetValue(benchmarks))));
            var ineligible = evaluation.Scenarios.Count(s => !s.Score.Eligible);
            var provisional = evaluation.Leaderboard.Any(r => r.Candidate.Provisional) ? " Provisional results say why (evidence not checked without --keys; accuracy KPIs wait for audits)." : string.Empty;
            Console.WriteLine($"{evaluation.Leaderboard.Count} eligible, {ineligible} ineligible (a gate failed; see gz evaluate).{provisional}");
            return 0;
        }));
        return command;
    }

    private static void Print(string title, ProgrammeEvaluation evaluation, IEnumerable<RankedScenario> ranked)
    {
        var table = new Table().Title(Markup.Escape(title));
        foreach (var column in new[] { "rank", "scenario", "name", "sector", "score [interval]", "completeness", "status", "tie" })
        {
            table.AddColumn(Markup.Escape(column));
        }

        foreach (var r in ranked)
        {
            var e = evaluation.Scenarios.First(s => s.Scenario.Id == r.Candidate.ScenarioId);
            table.AddRow(r.Rank.ToString(CultureInfo.InvariantCulture), Markup.Escape(e.Scenario.Id), Markup.Escape($"{e.Scenario.NameZh} / {e.Scenario.NameEn}"),
                e.Scenario.SectorTag, EvaluationRun.Score(r.Candidate.Score, r.Candidate.ScoreInterval), EvaluationRun.Share(r.Candidate.Completeness),
                EvaluationRun.Status(e), Markup.Escape(string.Join("; ", new[] { r.Tie, r.StatisticalTie is null ? null : $"statistical tie: {r.StatisticalTie}", r.Selection is null ? null : $"selected: {r.Selection}" }.OfType<string>())));
        }

        AnsiConsole.Write(table);
    }
}
