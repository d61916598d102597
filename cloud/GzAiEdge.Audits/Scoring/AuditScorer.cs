using GzAiEdge.Audits.Runs;
using GzAiEdge.Audits.TestSets;
using GzAiEdge.Contracts.Audits;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Evaluation.Audits;

namespace GzAiEdge.Audits.Scoring;

/// <summary>
/// Scores a verified answer against the test set's labels: it must answer every item of the audit's inputs once, in the
/// order the part's seed gives, each with the outputs of the audited pipeline; then the metrics are computed over the
/// test set's items (repeats left out) and the repeats are compared with what the same item gave under its first id.
/// Anything less is a problem that rejects the answer: nothing half-scored is kept.
/// </summary>
internal static class AuditScorer
{
    /// <summary>The result, or null and the reason the answer cannot be scored.</summary>
    public static (PartResult? Result, string? Problem) Score(AuditRecord audit, PartRecord part, TestSetLabels labels, AuditAnswer answer)
    {
        if (answer.Items.Count != audit.Items.Count)
        {
            return (null, $"it answers {answer.Items.Count} items; the audit's inputs hold {audit.Items.Count}");
        }

        var order = AuditOrder.Of(part.Seed, audit.Items.Count);
        for (var k = 0; k < order.Length; k++)
        {
            if (answer.Items[k].Id != audit.Items[order[k]].Id)
            {
                return (null, $"item {k} run is '{answer.Items[k].Id}'; the order seed {part.Seed} runs '{audit.Items[order[k]].Id}' there");
            }
        }

        var scoring = PipelineScorings.For(audit.Pipeline);
        var byId = answer.Items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var labelOf = labels.Items.ToDictionary(l => l.Id, StringComparer.Ordinal);
        foreach (var item in audit.Items)
        {
            if (scoring.Check(labels, labelOf[item.Source], byId[item.Id]) is { } problem)
            {
                return (null, $"item '{item.Id}': {problem}");
            }
        }

        var first = audit.Items.Where(i => i.RepeatOf is null).ToDictionary(i => i.Source, i => byId[i.Id], StringComparer.Ordinal);
        var metrics = scoring.Score(labels, [.. labels.Items.Select(l => first[l.Id])], answer.Threshold);
        var latencies = answer.Items.SelectMany(i => i.LatencyMs).ToList();
        var model = new AuditModel(answer.Model.Name, answer.Model.Version, answer.Model.Sha256);
        return (new PartResult(model, answer.Threshold, Bootstrap.Percentile(latencies, 0.95) ?? 0, latencies.Count, metrics, Repeats(audit, byId)), null);
    }

    private static AuditFlag Repeats(AuditRecord audit, Dictionary<string, AuditItemAnswer> byId)
    {
        var repeats = audit.Items.Where(i => i.RepeatOf is not null).ToList();
        if (repeats.Count == 0)
        {
            return new AuditFlag(AuditFlags.RepeatsIdentical, null, "no item was repeated in this audit");
        }

        var differing = repeats.Where(r => !Same(byId[r.Id], byId[r.RepeatOf!])).ToList();
        return differing.Count == 0
            ? new AuditFlag(AuditFlags.RepeatsIdentical, true, $"all {repeats.Count} items repeated under new ids gave outputs identical to their first run")
            : new AuditFlag(AuditFlags.RepeatsIdentical, false,
                $"{differing.Count} of {repeats.Count} repeated items gave other outputs than their first run, first '{differing[0].Id}' (a repeat of '{differing[0].RepeatOf}')");
    }

    /// <summary>Whether two answers hold exactly the same outputs (the same input through the same model and code gives the same numbers).</summary>
    internal static bool Same(AuditItemAnswer a, AuditItemAnswer b) =>
        Equal(a.Boxes, b.Boxes, (x, y) => x == y)
        && Equal(a.Scores, b.Scores, (x, y) => x.Equals(y))
        && a.Decision == b.Decision
        && Nullable.Equals(a.Error, b.Error)
        && Equal(a.Windows, b.Windows, (x, y) => x.Start == y.Start && x.End == y.End && x.Decision == y.Decision && x.Alert == y.Alert && x.Scores.SequenceEqual(y.Scores));

    private static bool Equal<T>(IReadOnlyList<T>? a, IReadOnlyList<T>? b, Func<T, T, bool> same) =>
        a is null || b is null ? a is null && b is null : a.Count == b.Count && a.Zip(b).All(p => same(p.First, p.Second));
}
