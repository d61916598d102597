using GzAiEdge.Scenarios.Kpis;
using YamlDotNet.RepresentationModel;

namespace GzAiEdge.Scenarios.Types;

/// <summary>Reads and checks the <c>kpis:</c> list of a scenario type.</summary>
internal static class KpiRubricReader
{
    public static List<KpiRubric> Read(Catalogue.YamlEntry entry, string? pipeline)
    {
        var kpis = new List<KpiRubric>();
        if (entry.Find("kpis") is not YamlSequenceNode { Children.Count: > 0 } list)
        {
            entry.Error(entry.Find("kpis")?.Start.Line ?? entry.Line, "'kpis' must be a non-empty list");
            return kpis;
        }

        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var node in list)
        {
            var item = entry.For(node);
            var key = item.Required("key");
            if (key is not null && !seen.TryAdd(key, item.Line))
            {
                item.Error(item.Line, $"KPI '{key}' appears twice (first at line {seen[key]})");
            }
            else if (key is not null && pipeline is not null && !KpiCatalogue.Emits(pipeline, key))
            {
                item.Error(item.Find("key")!.Start.Line, NotEmitted(key, pipeline));
            }

            var zh = item.Required("label.zh");
            var en = item.Required("label.en");
            var unit = (item.Find("unit") as YamlScalarNode)?.Value ?? string.Empty;
            var aggregation = Enumerated<Aggregation>(item, "aggregation");
            var direction = Enumerated<Direction>(item, "direction");
            var threshold = item.Number("threshold", true);
            var target = item.Number("target", true);
            var weight = item.Number("weight", true);
            if (weight is < 0)
            {
                item.Error(item.Find("weight")!.Start.Line, $"weight must be ≥ 0, not {weight}");
            }

            if (threshold is { } t && target is { } g && direction is { } d && CheckSides(d, t, g) is { } why)
            {
                item.Error(item.Find("target")!.Start.Line, $"KPI '{key}': {why}");
            }

            if (key is not null && zh is not null && en is not null && aggregation is not null && direction is not null
                && threshold is not null && target is not null && weight is not null)
            {
                kpis.Add(new KpiRubric(key, zh, en, unit, aggregation.Value, direction.Value, threshold.Value, target.Value, weight.Value));
            }
        }

        if (CheckWeights(kpis.Select(k => k.Weight), "the type's KPI weights") is { } wrongSum)
        {
            entry.Error(list.Start.Line, wrongSum);
        }

        return kpis;
    }

    /// <summary>Null when target and threshold sit the right way round for the direction.</summary>
    public static string? CheckSides(Direction direction, double threshold, double target) => direction switch
    {
        Direction.Higher when target <= threshold => $"higher is better, so target ({target}) must be above threshold ({threshold})",
        Direction.Lower when target >= threshold => $"lower is better, so target ({target}) must be below threshold ({threshold})",
        _ => null,
    };

    /// <summary>Null when the weights sum to <see cref="ScenarioTypeLoader.WeightTotal"/>; otherwise "<paramref name="whose"/> sum to …".</summary>
    public static string? CheckWeights(IEnumerable<double> weights, string whose)
    {
        var sum = weights.Sum();
        return Math.Abs(sum - ScenarioTypeLoader.WeightTotal) > ScenarioTypeLoader.WeightTolerance
            ? $"{whose} sum to {sum}, they must sum to {ScenarioTypeLoader.WeightTotal}"
            : null;
    }

    // A rubric may score only what its pipeline really sends: a key nothing sends would be scored as missing, silently.
    private static string NotEmitted(string key, string pipeline) => KpiCatalogue.Find(key) switch
    {
        null => $"KPI '{key}' is not in the KPI catalogue (docs/kpis.md)",
        { ComputedByPlatform: true } => $"KPI '{key}' is computed by the platform, not emitted by pipeline '{pipeline}'; set it as a gate instead (docs/kpis.md)",
        { Pipelines.Count: 0 } k => $"KPI '{key}' is not emitted by pipeline '{pipeline}' (only by simulation {string.Join(", ", k.Simulations)}; docs/kpis.md)",
        var k => $"KPI '{key}' is not emitted by pipeline '{pipeline}' (it is by {string.Join(", ", k.Pipelines)}; docs/kpis.md)",
    };

    private static T? Enumerated<T>(Catalogue.YamlEntry item, string key)
        where T : struct, Enum
    {
        var text = item.Required(key);
        if (text is null)
        {
            return null;
        }

        if (Enum.TryParse<T>(text, ignoreCase: true, out var value) && !int.TryParse(text, out _))
        {
            return value;
        }

        var names = string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()));
        item.Error(item.Find(key)!.Start.Line, $"{key} '{text}' is not one of {names}");
        return null;
    }
}
