using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.Scenarios.Kpis;
using YamlDotNet.RepresentationModel;

namespace GzAiEdge.Scenarios.Types;

/// <summary>Reads and checks the <c>kpis:</c> list of a scenario type.</summary>
internal static class KpiRubricReader
{
    private static readonly string[] ItemKeys = ["key", "label", "unit", "aggregation", "direction", "threshold", "target", "weight", "truth", "reason", "requires"];

    public static List<KpiRubric> Read(YamlEntry entry, string? pipeline, OperatingRequirement? requirement)
    {
        var kpis = new List<KpiRubric>();
        if (entry.Find("kpis") is not YamlSequenceNode { Children.Count: > 0 } list)
        {
            entry.Error(entry.Find("kpis")?.Start.Line ?? entry.Line, "'kpis' must be a non-empty list");
            return kpis;
        }

        var seen = new Dictionary<string, long>(StringComparer.Ordinal);

        // Every weight read counts toward the sum, so that a mistake elsewhere in an item does not also misreport the sum.
        var weights = new List<double>();
        var requirements = new List<(string Key, string Requires, long Line)>();
        foreach (var node in list)
        {
            var item = entry.For(node);
            KpiRules.UnknownKeys(item, "kpis", ItemKeys);
            var key = item.Required("key");
            KpiDefinition? definition = null;
            if (key is not null && !seen.TryAdd(key, item.Line))
            {
                item.Error(item.Line, $"KPI '{key}' appears twice (first at line {seen[key]})");
            }
            else if (key is not null && pipeline is not null && !KpiCatalogue.Measurable(pipeline, key))
            {
                item.Error(item.Find("key")!.Start.Line, KpiRules.NotMeasurable(key, pipeline));
            }
            else if (key is not null)
            {
                definition = KpiCatalogue.Find(key);
            }

            var zh = item.Required("label.zh");
            var en = item.Required("label.en");
            var unit = (item.Find("unit") as YamlScalarNode)?.Value ?? string.Empty;
            var (aggregation, aggregationRead) = ReadAggregation(item, key, definition);
            var direction = Enumerated<Direction>(item, "direction");
            var threshold = item.Number("threshold", true);
            var target = item.Number("target", true);
            var weight = item.Number("weight", true);
            var reasons = item.Required("reason.threshold") is { } forThreshold && item.Required("reason.target") is { } forTarget
                ? new KpiReasons(forThreshold, forTarget)
                : null;
            var requires = (item.Find("requires") as YamlScalarNode)?.Value;
            if (key is not null && requires is not null)
            {
                requirements.Add((key, requires, item.Find("requires")!.Start.Line));
            }

            if (weight is { } readWeight)
            {
                weights.Add(readWeight);
            }

            if (weight is < 0)
            {
                item.Error(item.Find("weight")!.Start.Line, $"weight must be ≥ 0, not {weight}");
            }

            if (threshold is { } t && target is { } g && direction is { } d && CheckSides(d, t, g) is { } why)
            {
                item.Error(item.Find("target")!.Start.Line, $"KPI '{key}': {why}");
            }

            if (definition is not null)
            {
                KpiRules.CheckKind(item, definition, weight, pipeline);
                KpiRules.CheckRequirement(item, definition, requirement, threshold, target);
            }

            if (key is not null && zh is not null && en is not null && aggregationRead && direction is not null
                && threshold is not null && target is not null && weight is not null && reasons is not null)
            {
                kpis.Add(new KpiRubric(key, zh, en, unit, aggregation, direction.Value, threshold.Value, target.Value, weight.Value, reasons, requires));
            }
        }

        foreach (var (key, requires, line) in requirements.Where(r => r.Requires == r.Key || !seen.ContainsKey(r.Requires)))
        {
            entry.Error(line, $"KPI '{key}': requires '{requires}', which is not another KPI of this type ({string.Join(", ", seen.Keys.Where(k => k != key))})");
        }

        if (CheckWeights(weights, "the type's KPI weights") is { } wrongSum)
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
        Direction.Zero when target < 0 || target >= threshold => $"nearer zero is better, so 0 <= target ({target}) < threshold ({threshold}), both magnitudes",
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

    // A KPI the cloud computes is one value for the whole period: there are no window values to aggregate. A key
    // already refused (unknown, not for this pipeline, twice) is read as far as it goes, for the other errors.
    private static (Aggregation? Value, bool Read) ReadAggregation(YamlEntry item, string? key, KpiDefinition? definition)
    {
        if (definition is null && item.Find("aggregation") is null)
        {
            return (null, false);
        }

        if (definition is not { ComputedByPlatform: true })
        {
            var aggregation = Enumerated<Aggregation>(item, "aggregation");
            return (aggregation, aggregation is not null);
        }

        if (item.Find("aggregation") is { } given)
        {
            item.Error(given.Start.Line, $"KPI '{key}' is computed by the cloud for the whole period, so it takes no aggregation");
            return (null, false);
        }

        return (null, true);
    }

    private static T? Enumerated<T>(YamlEntry item, string key)
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
