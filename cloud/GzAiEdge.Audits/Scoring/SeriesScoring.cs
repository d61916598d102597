using GzAiEdge.Audits.TestSets;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Evaluation.Audits;
using GzAiEdge.Scenarios.Audits;
using GzAiEdge.Scenarios.Kpis;

namespace GzAiEdge.Audits.Scoring;

/// <summary>
/// Vital signs: accuracy and macro F1 of the pipeline's decision on every window it slid over each series, and the mean
/// time to alert over the labelled episodes. A window is abnormal when at least the set's <c>minEpisodeSamples</c> of its
/// samples (sample k at k / rate seconds) lie in an episode, the rule the model was trained with. An episode's time to
/// alert runs from its onset to the end of the first window that raised an alert and overlaps it (the edge's labelled
/// rule); an episode no alert reached counts as its own length plus one window, the longest it could have taken, so
/// that a model that never alerts scores worst, not missing. Items are the series: the bootstrap resamples patients.
/// </summary>
internal sealed class SeriesScoring : IPipelineScoring
{
    public string? Check(TestSetLabels labels, ItemLabel label, AuditItemAnswer item)
    {
        if (item.Windows is not { Count: > 0 } windows)
        {
            return "no windows: a series classifier answers each series with every window it ran";
        }

        var (length, samples) = (windows[0].End - windows[0].Start, label.Samples ?? 0);
        var hop = windows.Count > 1 ? windows[1].Start - windows[0].Start : samples;
        for (var k = 0; k < windows.Count; k++)
        {
            var w = windows[k];
            if (w.Start != k * hop || w.End - w.Start != length || w.End > samples || w.Scores.Count != labels.Classes.Count || w.Decision is not (0 or 1))
            {
                return $"window {k} [{w.Start}, {w.End}) with {w.Scores.Count} scores and decision {w.Decision} does not follow windows of {length} samples every {hop} from 0 within the series' {samples} samples";
            }
        }

        return hop < 1 || windows[^1].Start + hop + length <= samples
            ? $"the windows stop at sample {windows[^1].End} of {samples}: every window the series holds must be answered"
            : null;
    }

    public IReadOnlyDictionary<string, AuditMetric> Score(TestSetLabels labels, IReadOnlyList<AuditItemAnswer> outputs, double threshold)
    {
        var windows = new (int Truth, int Decision)[outputs.Count][];
        var delays = new double[outputs.Count][];
        for (var i = 0; i < outputs.Count; i++)
        {
            var label = labels.Items[i];
            var hz = label.SampleHz ?? 1;
            windows[i] = [.. outputs[i].Windows!.Select(w => (Truth(w, label.Episodes ?? [], hz, labels.MinEpisodeSamples), w.Decision))];
            delays[i] = [.. (label.Episodes ?? []).Select(e => Delay(e, outputs[i].Windows!, hz))];
        }

        var keys = AuditedPipelines.Metrics(PipelineNames.VitalsClassification);
        return PipelineScorings.Named(keys, Bootstrap.Intervals(outputs.Count, keys.Count, draw =>
        {
            var drawn = draw.SelectMany(i => windows[i]).ToList();
            var waits = draw.SelectMany(i => delays[i]).ToList();
            return [RankMetrics.Accuracy(drawn), RankMetrics.MacroF1(drawn, labels.Classes.Count), waits.Count == 0 ? null : waits.Average()];
        }));
    }

    private static int Truth(AuditWindow window, IReadOnlyList<LabelEpisode> episodes, double hz, int minSamples)
    {
        var inside = 0;
        for (var k = window.Start; k < window.End; k++)
        {
            var t = k / hz;
            inside += episodes.Any(e => t >= e.Start && t < e.End) ? 1 : 0;
        }

        return inside >= minSamples ? 1 : 0;
    }

    private static double Delay(LabelEpisode episode, IReadOnlyList<AuditWindow> windows, double hz)
    {
        foreach (var w in windows)
        {
            if (w.Alert && w.End / hz > episode.Start && w.Start / hz < episode.End)
            {
                return (w.End / hz) - episode.Start;
            }
        }

        var length = windows[0].End - windows[0].Start;
        return episode.End - episode.Start + (length / hz);
    }
}
