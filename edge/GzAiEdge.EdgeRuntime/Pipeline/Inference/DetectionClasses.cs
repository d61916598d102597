using System.Globalization;
using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.Inference.Metadata;

namespace GzAiEdge.EdgeRuntime.Pipeline.Inference;

/// <summary>
/// The detector classes traffic detection counts as vehicles and as pedestrians, from
/// <see cref="PipelineOptions.VehicleClasses"/> and <see cref="PipelineOptions.PedestrianClasses"/>: each entry a
/// class index, or a class name from <see cref="PipelineOptions.ClassNames"/> when given, else from the model's
/// <c>names</c> metadata (exact first, then ignoring case).
/// </summary>
internal static class DetectionClasses
{
    /// <exception cref="SettingsException">An entry is not one of the model's classes, or a class is counted twice; every such entry is named.</exception>
    public static (IReadOnlySet<int> Vehicles, IReadOnlySet<int> Pedestrians) Resolve(ModelRunner runner, PipelineOptions options, int classCount)
    {
        var problems = new List<(string Key, string Problem)>();
        var names = options.ClassNames.Count > 0
            ? new UltralyticsMetadata { Names = options.ClassNames.Select((n, i) => (n, i)).ToDictionary(c => c.i, c => c.n.Trim()) }
            : runner.Metadata;
        if (options.ClassNames.Count > 0 && options.ClassNames.Count != classCount)
        {
            problems.Add(("Pipeline:ClassNames", $"lists {options.ClassNames.Count} names; {Describe(runner)} scores {classCount} classes"));
        }

        // The defaults are the project's own detector's classes; a model that names its own must be told which count.
        if (options.ClassNames.Count == 0 && runner.Metadata?.Names is { } own)
        {
            foreach (var (key, list) in new[] { ("Pipeline:VehicleClasses", options.VehicleClasses), ("Pipeline:PedestrianClasses", options.PedestrianClasses) })
            {
                if (list is null)
                {
                    problems.Add((key, $"{Describe(runner)} names its {own.Count} classes ({Excerpt(own)}); say which of them {key} are, by name or index"));
                }
            }
        }

        var vehicles = Indexes("Pipeline:VehicleClasses", options.VehicleClassesOrDefault(), runner, names, classCount, problems);
        var pedestrians = Indexes("Pipeline:PedestrianClasses", options.PedestrianClassesOrDefault(), runner, names, classCount, problems);
        foreach (var (both, entry) in pedestrians.Where(p => vehicles.ContainsKey(p.Key)).OrderBy(p => p.Value))
        {
            var name = names?.Names?.GetValueOrDefault(both) is { } n ? $"{both} '{n}'" : both.ToString(CultureInfo.InvariantCulture);
            problems.Add(($"Pipeline:PedestrianClasses:{entry}", $"class {name} is counted as a vehicle too (Pipeline:VehicleClasses:{vehicles[both]}); a class counts as one or the other"));
        }

        return problems.Count > 0 ? throw new SettingsException(problems) : (vehicles.Keys.ToHashSet(), pedestrians.Keys.ToHashSet());
    }

    /// <summary>E.g. <c>model 'yolov8n' (/opt/gzaiedge/models/yolov8n.onnx)</c>.</summary>
    public static string Describe(ModelRunner runner) => $"model '{runner.Model.Name}' ({runner.Session.ModelPath})";

    private static string Excerpt(IReadOnlyDictionary<int, string> names) =>
        names.Count <= 5 ? string.Join(", ", names.OrderBy(n => n.Key).Select(n => n.Value)) : $"{string.Join(", ", names.OrderBy(n => n.Key).Take(5).Select(n => n.Value))}, …";

    // Each class index, with the position of the first entry that names it.
    private static Dictionary<int, int> Indexes(string key, IReadOnlyList<string> entries, ModelRunner runner, UltralyticsMetadata? names,
        int classCount, List<(string Key, string Problem)> problems)
    {
        var indexes = new Dictionary<int, int>();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i].Trim();
            if (int.TryParse(entry, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                if (index < classCount)
                {
                    indexes.TryAdd(index, i);
                }
                else
                {
                    problems.Add(($"{key}:{i}", $"class {index} is not one of the {classCount} classes of {Describe(runner)} (0 to {classCount - 1})"));
                }
            }
            else if (names?.ClassIndex(entry) is { } named)
            {
                indexes.TryAdd(named, i);
            }
            else
            {
                problems.Add(($"{key}:{i}", names?.Names is { } known
                    ? $"{Describe(runner)} has no class '{entry}'; its classes are {string.Join(", ", known.OrderBy(n => n.Key).Select(n => n.Value))}"
                    : $"{Describe(runner)} has no class names (no 'names' metadata): give them in output order as Pipeline:ClassNames, or use class indexes"));
            }
        }

        return indexes;
    }
}
