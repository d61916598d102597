using GzAiEdge.Evaluation.FieldAudits;
using GzAiEdge.FieldAudits.Items;
using GzAiEdge.FieldAudits.Labels;

namespace GzAiEdge.FieldAudits.Scoring;

/// <summary>Evaluation's <see cref="IFieldAuditResults"/> from the field-audit store.</summary>
public sealed class FieldAuditResults(FieldItemStore items, LabelStore labels) : IFieldAuditResults
{
    public Task<FieldAuditResult> MeasureAsync(
        string scenario, IReadOnlyList<(string Site, string Device)> devices, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var listed = devices.ToHashSet();
        var sampled = items.List(scenario).Where(i => listed.Contains((i.Site, i.Device)) && i.WindowEnd > from && i.WindowEnd <= to).ToList();
        var ids = sampled.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var labelled = labels.OfScenario(scenario).Where(l => ids.Contains(l.Item)).ToList();
        var labelledIds = labelled.Select(l => l.Item).ToHashSet(StringComparer.Ordinal);
        var against = sampled.Count(i => FieldItemStates.CountsAgainst(i.State));
        var waiting = sampled.Count(i => i.State == FieldItemStates.Requested || (i.State == FieldItemStates.Received && !labelledIds.Contains(i.Id)));
        return Task.FromResult(new FieldAuditResult(FieldScoring.Score(sampled, labelled), sampled.Count, labelledIds.Count, against, waiting));
    }
}
