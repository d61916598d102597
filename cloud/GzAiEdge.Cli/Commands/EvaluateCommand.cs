using System.CommandLine;
using System.Globalization;
using GzAiEdge.Evaluation;
using GzAiEdge.Scenarios.Kpis;
using Spectre.Console;

namespace GzAiEdge.Cli.Commands;

/// <summary><c>gz evaluate</c>: score scenarios from InfluxDB and explain each score.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var inputs = new EvaluationInputs();
        var json = new Option<string?>("--json") { Description = "Also write the evaluation as JSON to this file ('-' for standard output)" };
        var command = new Command("evaluate", "Score scenarios over a period from the data their devices reported");
        inputs.AddTo(command);
        command.Options.Add(json);
        command.SetAction((result, token) => EvaluationRun.GuardAsync(async () =>
        {
            if (inputs.Resolve(result) is not { } resolved)
            {
                return 2;
            }

            var evaluation = await EvaluationInputs.EvaluateAsync(resolved, token);
            var bytes = evaluation.Scenarios.Count == 1
                ? EvaluationJson.Scenario(evaluation.Scenarios[0], resolved.Programme.CatalogueVersion, resolved.Programme.RubricVersion)
                : EvaluationJson.Programme(evaluation, withScenarios: true);
            if (result.GetValue(json) is "-")
            {
                await Console.OpenStandardOutput().WriteAsync(bytes, token);
                return 0;
            }

            Print(evaluation);
            if (result.GetValue(json) is { } path)
            {
                await File.WriteAllBytesAsync(path, bytes, token);
                Console.WriteLine($"JSON written to {path}");
            }

            return 0;
        }));
        return command;
    }

    private static void Print(ProgrammeEvaluation evaluation)
    {
        var table = new Table().Title($"Evaluation · catalogue {evaluation.Programme.CatalogueVersion} · rubric {evaluation.Programme.RubricVersion}");
        foreach (var column in new[] { "scenario", "sector", "period (UTC)", "score [interval]", "status", "completeness", "uptime", "reports" })
        {
            table.AddColumn(Markup.Escape(column));
        }

        foreach (var e in evaluation.Scenarios)
        {
            table.AddRow(Markup.Escape(e.Scenario.Id), e.Scenario.SectorTag, $"{e.Period.From:yyyy-MM-dd HH:mm} – {e.Period.To:yyyy-MM-dd HH:mm}",
                EvaluationRun.Score(e.Score.Score, e.Score.Interval), EvaluationRun.Status(e), EvaluationRun.Share(e.Completeness),
                EvaluationRun.Share(e.Uptime), e.Reports.Used.ToString(CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        if (evaluation.Scenarios.Count == 1)
        {
            PrintKpis(evaluation.Scenarios[0]);
        }

        if (evaluation.Scenarios.Any(e => e.Score.Provisional))
        {
            AnsiConsole.MarkupLine("[yellow]Provisional results[/] say why: without --keys (the key registry from gz provision) evidence is not checked; an accuracy KPI waits for an audit of each listed device.");
        }
    }

    private static void PrintKpis(ScenarioEvaluation e)
    {
        var table = new Table().Title($"{Markup.Escape(e.Scenario.NameEn)} · models {Markup.Escape(e.Models.Count == 0 ? "none reported" : string.Join(", ", e.Models))}");
        foreach (var column in new[] { "KPI", "kind, aggregation", "value [95% CI]", "threshold", "target", "achievement", "weight", "points", "reports", "note" })
        {
            table.AddColumn(Markup.Escape(column));
        }

        foreach (var k in e.Score.Kpis)
        {
            var how = $"{k.Rubric.Definition?.Kind.Text()}, {(k.Rubric.Aggregation is { } a ? a.ToString().ToLowerInvariant() + " " : string.Empty)}({k.Rubric.Direction.ToString().ToLowerInvariant()})";
            var value = k.Value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) + (k.ValueInterval is { } i ? $" [{F(i.Low)}, {F(i.High)}]" : string.Empty) : "missing";
            table.AddRow(Markup.Escape(k.Rubric.Key), Markup.Escape(how), Markup.Escape(value), F(k.Rubric.Threshold), F(k.Rubric.Target), k.Achievement.ToString("0.000", CultureInfo.InvariantCulture),
                F(k.Rubric.Weight), k.Points.ToString("0.00", CultureInfo.InvariantCulture), k.Reports.ToString(CultureInfo.InvariantCulture), Markup.Escape(k.Note));
        }

        foreach (var g in e.Score.Gates)
        {
            table.AddRow($"gate {g.Gate}", string.Empty, g.Measured is { } m ? F(m) : "-", $"≥ {F(g.Minimum)}", string.Empty, EvaluationJson.Status(g.Status),
                string.Empty, string.Empty, string.Empty, Markup.Escape(g.Note));
        }

        foreach (var x in e.Reports.Excluded)
        {
            table.AddRow("excluded", Markup.Escape($"{x.Site}/{x.Device}"), x.Count.ToString(CultureInfo.InvariantCulture), string.Empty, string.Empty, string.Empty,
                string.Empty, string.Empty, string.Empty, Markup.Escape(x.Reason));
        }

        AnsiConsole.Write(table);
    }

    private static string F(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}
