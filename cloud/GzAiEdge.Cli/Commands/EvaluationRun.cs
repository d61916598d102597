using GzAiEdge.TimeSeries;
using Spectre.Console;

namespace GzAiEdge.Cli.Commands;

/// <summary>Turns the failures an evaluation can meet into one clear line and an exit code.</summary>
internal static class EvaluationRun
{
    public static async Task<int> GuardAsync(Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (Exception ex) when (ex is InfluxDbUnavailableException or InfluxQueryException or InvalidOperationException or IOException or UnauthorizedAccessException or HttpRequestException)
        {
            Console.Error.WriteLine($"gz: {ex.Message}");
            return 1;
        }
    }

    public static string Status(GzAiEdge.Evaluation.ScenarioEvaluation e) => e.Score switch
    {
        { Eligible: false } => $"[red]ineligible: {Markup.Escape(string.Join(", ", e.Score.FailedGates))}[/]",
        { Provisional: true } => "[yellow]provisional (evidence not checked)[/]",
        _ => "[green]eligible[/]",
    };

    public static string Share(double? value) => value is { } v ? v.ToString("0.0%", System.Globalization.CultureInfo.InvariantCulture) : "-";
}
