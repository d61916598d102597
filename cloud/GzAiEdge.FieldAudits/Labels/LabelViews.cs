using GzAiEdge.Contracts.Evidence;
using GzAiEdge.FieldAudits.Items;

namespace GzAiEdge.FieldAudits.Labels;

/// <summary>An item in a reviewer's queue: where it was drawn from and what kind of label it takes.</summary>
public sealed record QueueItemView(
    string Id, string Scenario, string Site, string Device, string Pipeline, long Seq, DateTimeOffset WindowStart, DateTimeOffset WindowEnd,
    string Stratum, string LabelKind, int Labels);

/// <summary>A reviewer's queue: the received items they have not labelled yet, and how far they are.</summary>
public sealed record QueueView(int Received, int LabelledByYou, IReadOnlyList<QueueItemView> Items);

/// <summary>
/// One item for labelling: where it comes from, its input (fetch <see cref="InputUrl"/>: a PNG, or raw float32 samples
/// of <see cref="Shape"/>), the device's outputs to draw on it, and the caller's own label if they gave one. Other
/// evaluators' labels are not shown, so that a second label is independent. <see cref="LabelClasses"/> are the classes a
/// label may name (a detection's box classes, a classifier's classes; null for anomaly yes/no), in the order the
/// labelling page numbers them for its 1–9 keys.
/// </summary>
public sealed record ItemView(
    string Id, string Period, string Scenario, string Site, string Device, string Pipeline, long Seq, string ReportHash,
    DateTimeOffset WindowStart, DateTimeOffset WindowEnd, DateTimeOffset? InputTime, string Stratum, string State, string? Reason,
    string LabelKind, EvidenceShape? Shape, string? InputUrl, EvidenceOutputs? Outputs, FieldLabel? YourLabel, int Labels, IReadOnlyList<string>? LabelClasses)
{
    /// <summary>The view of <paramref name="item"/> for <paramref name="evaluator"/>.</summary>
    public static ItemView Of(FieldItem item, IReadOnlyList<FieldLabel> labels, string evaluator) => new(
        item.Id, item.Period, item.Scenario, item.Site, item.Device, item.Pipeline, item.Seq, item.ReportHash, item.WindowStart, item.WindowEnd,
        item.InputTime, item.Stratum, item.State, item.Reason, LabelRules.KindOf(item.Pipeline) ?? "none", item.Shape,
        item.InputSha256 is null ? null : $"/api/v1/field-audits/items/{item.Id}/input", item.Outputs,
        labels.FirstOrDefault(l => l.Evaluator == evaluator), labels.Count, LabelRules.ClassesOf(item));

    /// <summary>The queue entry of <paramref name="item"/>.</summary>
    public static QueueItemView Summary(FieldItem item, int labels) => new(
        item.Id, item.Scenario, item.Site, item.Device, item.Pipeline, item.Seq, item.WindowStart, item.WindowEnd, item.Stratum,
        LabelRules.KindOf(item.Pipeline) ?? "none", labels);
}
