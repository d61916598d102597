using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using GzAiEdge.Evaluation;
using GzAiEdge.Evaluation.Audits;
using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.TimeSeries;

namespace GzAiEdge.Cli.Commands;

/// <summary>
/// <c>gz bench evaluate</c>: writes N scenarios × D days of KPI windows into InfluxDB with a
/// generator, then evaluates the whole set and prints the time and the InfluxDB query count. A
/// measurement, not a test: run it against an InfluxDB of its own (<c>./gz bench evaluate</c> starts one).
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var inputs = new EvaluationInputs();
        var scenarios = new Option<int>("--scenarios") { Description = "Scenarios to generate and evaluate (the catalogue's first N)", DefaultValueFactory = _ => 100 };
        var days = new Option<int>("--days") { Description = "Days of data per scenario", DefaultValueFactory = _ => 30 };
        var window = new Option<int>("--window-seconds") { Description = "KPI window length", DefaultValueFactory = _ => 10 };
        var skipWrite = new Option<bool>("--skip-write") { Description = "Evaluate data an earlier run wrote" };
        var evidence = new Option<bool>("--evidence") { Description = "Sign and chain the reports, verify them into spans, then time the evaluation without and with evidence" };
        var rounds = new Option<int>("--rounds") { Description = "With --evidence: evaluations without and with evidence, in turn", DefaultValueFactory = _ => 3 };
        var evaluate = new Command("evaluate", "Generate KPI windows into InfluxDB, then time the evaluation of the whole programme");
        inputs.AddTo(evaluate);
        foreach (var option in new Option[] { scenarios, days, window, skipWrite, evidence, rounds })
        {
            evaluate.Options.Add(option);
        }

        evaluate.SetAction((result, token) => EvaluationRun.GuardAsync(async () =>
        {
            if (inputs.Resolve(result) is not { } resolved)
            {
                return 2;
            }

            var chosen = resolved.Programme.Catalogue.All.Take(Math.Max(1, result.GetValue(scenarios))).ToList();
            var period = new DemonstrationPeriod(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero).AddDays(Math.Max(1, result.GetValue(days))));
            var windowLength = TimeSpan.FromSeconds(Math.Max(1, result.GetValue(window)));
            Console.WriteLine($"bench: {chosen.Count} scenarios × {(period.To - period.From).TotalDays:0} days of {windowLength.TotalSeconds:0} s windows, {period.From:yyyy-MM-dd} – {period.To:yyyy-MM-dd}");
            await resolved.Client.EnsureDatabaseAsync(token);
            using var evidenceBench = result.GetValue(evidence) ? new EvidenceBench() : null;
            if (evidenceBench is not null && result.GetValue(skipWrite))
            {
                Console.Error.WriteLine("gz bench evaluate: --evidence cannot take --skip-write (the device keys are made with the data)");
                return 2;
            }

            if (!result.GetValue(skipWrite))
            {
                var generator = new KpiGenerator(resolved.Programme, resolved.Client, windowLength, evidenceBench is null ? null : evidenceBench.Signer);
                var writing = Stopwatch.StartNew();
                await generator.WriteAsync(chosen, period, done =>
                {
                    if (done % 10 == 0 || done == chosen.Count)
                    {
                        Console.WriteLine($"  written {done}/{chosen.Count} scenarios, {generator.Points:N0} points, {writing.Elapsed.TotalSeconds:0.0} s");
                    }
                }, token);
                Console.WriteLine($"write: {generator.Points:N0} points in {writing.Elapsed.TotalSeconds:0.0} s ({generator.Points / writing.Elapsed.TotalSeconds:N0} points/s)");
            }

            if (evidenceBench is not null)
            {
                return await evidenceBench.RunAsync(resolved.Programme, chosen, period, resolved.Client, resolved.Parallelism, Math.Max(1, result.GetValue(rounds)), token);
            }

            var queriesBefore = resolved.Counter.Queries;
            var evaluating = Stopwatch.StartNew();
            var evaluation = await new ProgrammeEvaluator(new ScenarioEvaluator(new ScenarioReader(resolved.Client), new EvidenceNotChecked(), new NoAuditResults()))
                .EvaluateAsync(resolved.Programme, chosen, period, resolved.Parallelism, null, token);
            evaluating.Stop();
            var queries = resolved.Counter.Queries - queriesBefore;
            var reports = evaluation.Scenarios.Sum(s => s.Reports.Used);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"evaluate: {evaluation.Scenarios.Count} scenarios, {reports:N0} reports aggregated in {evaluating.Elapsed.TotalSeconds:0.00} s with {queries} InfluxDB queries ({queries * ScenarioQuery.Statements} statements), parallelism {resolved.Parallelism}"));
            Console.WriteLine($"result: {evaluation.Leaderboard.Count} eligible, {evaluation.Scenarios.Count - evaluation.Leaderboard.Count} ineligible; top: {string.Join(", ", evaluation.Leaderboard.Take(3).Select(r => $"{r.Candidate.ScenarioId} {r.Candidate.Score:0.00}"))}");
            return 0;
        }));
        return new Command("bench", "Whole-system measurements") { evaluate };
    }
}
