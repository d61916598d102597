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
        { Provisional: true } => $"[yellow]provisional: {Markup.Escape(string.Join("; ", e.Score.ProvisionalBecause))}[/]",
        _ => "[green]eligible[/]",
    };

    public static string Share(double? value) => value is { } v ? v.ToString("0.0%", System.Globalization.CultureInfo.InvariantCulture) : "-";

    /// <summary>A score with its interval as table markup, e.g. <c>72.40 [68.10, 75.00]</c> (the brackets escaped, or Spectre reads a style).</summary>
    public static string Score(double score, GzAiEdge.Scenarios.Scoring.Interval interval) =>
        Markup.Escape(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{score:0.00} [{interval.Low:0.00}, {interval.High:0.00}]"));
}
