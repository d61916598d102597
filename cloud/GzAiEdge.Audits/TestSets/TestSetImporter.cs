using GzAiEdge.Scenarios.Audits;
using GzAiEdge.Scenarios.Kpis;

namespace GzAiEdge.Audits.TestSets;

/// <summary>
/// Reads a test set folder in the format of docs/testsets.md and checks every item: a file that is missing or not an
/// image or array of the right shape, a box outside its image, a class the pipeline does not know, an id given twice.
/// Any problem refuses the whole set, each named with its file, line or entry, item and reason.
/// </summary>
public static class TestSetImporter
{
    /// <exception cref="TestSetImportException">The set is malformed; the exception lists every problem found.</exception>
    public static ImportedTestSet Read(string path)
    {
        var folder = TestSetFolder.Open(path);
        var (inputs, labels, classes, min) = folder.Pipeline switch
        {
            PipelineNames.TrafficDetection => With(DetectionSet.Read(folder), AuditedPipelines.DetectionClasses),
            PipelineNames.VisualInspection => ClassificationSet.Read(folder) is var (i, l, c) ? (i, l, c, 0) : default,
            PipelineNames.VibrationAnomaly => With(WindowSet.Read(folder), AuditedPipelines.AnomalyClasses),
            _ => SeriesSet.Read(folder) is var (i, l, m) ? (i, l, AuditedPipelines.VitalsClasses.ToList(), m) : default,
        };
        if (inputs.Count == 0)
        {
            folder.Errors.Add(TestSetFolder.ManifestFile, null, "the set holds no items");
        }

        folder.Errors.ThrowIfAny();
        var set = new TestSetLabels(folder.Pipeline, classes, labels, min);
        return new ImportedTestSet(folder.Name, folder.Version, folder.Pipeline, folder.Description, inputs, set, Summary(set));
    }

    private static (List<Contracts.Audits.AuditInput>, List<ItemLabel>, List<string>, int) With(
        (List<Contracts.Audits.AuditInput> Inputs, List<ItemLabel> Labels) read, IReadOnlyList<string> classes) =>
        (read.Inputs, read.Labels, [.. classes], 0);

    // What a person checks a set by: items, and per class the boxes, items or episodes.
    private static Dictionary<string, int> Summary(TestSetLabels labels)
    {
        var summary = new Dictionary<string, int>(StringComparer.Ordinal) { ["items"] = labels.Items.Count };
        foreach (var (name, index) in labels.Classes.Select((c, i) => (c, i)))
        {
            var count = labels.Items.Sum(l => (l.Boxes?.Count(b => b.Class == index) ?? 0) + (l.Class == index ? 1 : 0));
            if (labels.Items.Any(l => l.Boxes is not null || l.Class is not null))
            {
                summary[labels.Items.Any(l => l.Boxes is not null) ? $"{name} boxes" : name] = count;
            }
        }

        if (labels.Items.Any(l => l.Episodes is not null))
        {
            summary["episodes"] = labels.Items.Sum(l => l.Episodes!.Count);
            summary["items with an episode"] = labels.Items.Count(l => l.Episodes!.Count > 0);
        }

        return summary;
    }
}
