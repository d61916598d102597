using GzAiEdge.Contracts.Audits;

namespace GzAiEdge.Audits.TestSets;

/// <summary>A test set read and checked: its inputs (what a device may see) and its labels (what only the cloud sees).</summary>
/// <param name="Name">Test set name.</param>
/// <param name="Version">Test set version.</param>
/// <param name="Pipeline">The pipeline it audits.</param>
/// <param name="Description">What it holds, in words.</param>
/// <param name="Inputs">The items, in the set's order.</param>
/// <param name="Labels">The truth of each item, in the same order.</param>
/// <param name="Summary">Counts people check a set by: items, boxes or episodes per class.</param>
public sealed record ImportedTestSet(
    string Name, string Version, string Pipeline, string? Description, IReadOnlyList<AuditInput> Inputs, TestSetLabels Labels,
    IReadOnlyDictionary<string, int> Summary);
