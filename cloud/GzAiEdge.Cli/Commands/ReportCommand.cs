using System.CommandLine;
using GzAiEdge.Evaluation.Reports;
using GzAiEdge.Scenarios.Ranking;

namespace GzAiEdge.Cli.Commands;

/// <summary><c>gz report</c>: HTML, PDF, CSV and JSON for the programme, or for each chosen scenario.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var inputs = new EvaluationInputs();
        var output = new Option<string>("--out") { Description = "Folder to write the report files into", DefaultValueFactory = _ => "report" };
        var noPdf = new Option<bool>("--no-pdf") { Description = "Skip the PDF (no Chromium needed)" };
        var perScenario = new Option<bool>("--per-scenario") { Description = "One report per --scenario instead of one programme report" };
        var top = new Option<int>("--top") { Description = "Leaderboard length in the programme report", DefaultValueFactory = _ => Leaderboard.DefaultTop };
        var api = new Option<string?>("--api") { Description = "Ask the cloud API instead of InfluxDB (with GZ_TOKEN or --token-file): an HTML and JSON report per --scenario, or the programme's CSV" };
        var tokenFile = ApiCredentials.TokenFile();
        var command = new Command("report", "Write an evaluation report: programme.html/.pdf/.csv/.json (or one per scenario)");
        inputs.AddTo(command);
        foreach (var option in new Option[] { output, noPdf, perScenario, top, api, tokenFile })
        {
            command.Options.Add(option);
        }

        command.SetAction((result, token) => EvaluationRun.GuardAsync(async () =>
        {
            if (result.GetValue(api) is { } apiAddress)
            {
                var period = inputs.TryPeriod(result, out var error);
                if (error is not null)
                {
                    Console.Error.WriteLine($"gz report: {error}");
                    return 2;
                }

                return await ApiReport.RunAsync(new Uri(apiAddress), ApiCredentials.Resolve(result.GetValue(tokenFile)), result.GetValue(inputs.Scenarios) ?? [],
                    period, result.GetValue(output)!, token);
            }

            if (inputs.Resolve(result) is not { } resolved)
            {
                return 2;
            }

            var evaluation = await EvaluationInputs.EvaluateAsync(resolved, token);
            var folder = result.GetValue(output)!;
            var pdf = !result.GetValue(noPdf);
            var written = new List<string>();
            if (result.GetValue(perScenario))
            {
                foreach (var scenario in evaluation.Scenarios)
                {
                    written.AddRange(await ReportWriter.WriteScenarioAsync(scenario, resolved.Programme.CatalogueVersion, resolved.Programme.RubricVersion, folder, pdf, token));
                }
            }
            else
            {
                written.AddRange(await ReportWriter.WriteProgrammeAsync(evaluation, folder, Math.Max(1, result.GetValue(top)), pdf, token));
            }

            foreach (var path in written)
            {
                Console.WriteLine($"wrote {path}");
            }

            return 0;
        }));
        return command;
    }
}
