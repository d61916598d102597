using System.Text;
using GzAiEdge.Scenarios.Outcomes;
using static GzAiEdge.Evaluation.Reports.Html;

namespace GzAiEdge.Evaluation.Reports;

/// <summary>A scenario's declared outcome in its report: one paragraph, so the page still fits.</summary>
internal static class HtmlOutcome
{
    public static void Append(StringBuilder html, OutcomeResult? outcome)
    {
        if (outcome is null)
        {
            return;
        }

        var d = outcome.Declaration;
        var mean = outcome.Mean is { } m ? Inv($"{m:0.###}") : "-";
        html.Append(Inv($"<p class=\"basis\"><b>成效 Outcome</b> <code>{E(d.Measure)}</code> ({d.Better.ToString().ToLowerInvariant()} is better): mean {mean} over {outcome.Days} day(s)"));
        if (outcome.Estimate is { } e)
        {
            var kind = d.Effect == EffectKind.Ratio ? "ratio − 1" : "difference";
            html.Append(Inv($"; baseline {e.BaselineMean:0.###} over {e.BaselineDays} day(s); effect ({kind}) {e.Effect:0.####}{Range(e.EffectInterval, "0.####")}, improvement {e.Improvement:0.####}{Range(e.ImprovementInterval, "0.####")}"));
        }

        html.Append(Inv($"; threshold {d.Threshold:0.###}, target {d.Target:0.###}, weight {d.Weight:0.##}, points {outcome.Points:0.00}{Range(outcome.Estimate is null ? null : outcome.PointsInterval, "0.00")}"));
        html.Append(Inv($"{(outcome.Scored ? string.Empty : " (未计分 shown, not scored)")}. {E(outcome.Note)}"));
        if (outcome.Estimate is not null)
        {
            html.Append(Inv($" {E(OutcomeJson.IntervalRule)}."));
        }

        html.Append("</p>");
    }
}
