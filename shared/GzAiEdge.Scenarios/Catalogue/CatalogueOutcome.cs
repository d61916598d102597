using GzAiEdge.Scenarios.Outcomes;
using GzAiEdge.Scenarios.Types;
using YamlDotNet.RepresentationModel;

namespace GzAiEdge.Scenarios.Catalogue;

/// <summary>
/// Reads a catalogue entry's <c>outcome</c>: <c>measure</c>, <c>better</c> (higher, lower), <c>effect</c> (difference,
/// ratio), an optional <c>baseline</c> (<c>before: {from, to}</c> or <c>control: scenario-id</c>), <c>threshold</c>,
/// <c>target</c>, <c>weight</c> (0 when absent) and <c>reason</c>. Whether the measure and control make sense for the
/// scenario's type is checked with the types (<see cref="Programmes.ProgrammeLoader"/>).
/// </summary>
internal static class CatalogueOutcome
{
    private static readonly string[] Keys = ["measure", "better", "effect", "baseline", "threshold", "target", "weight", "reason"];

    public static OutcomeDeclaration? Read(YamlEntry entry)
    {
        if (entry.Find("outcome") is not { } node)
        {
            return null;
        }

        if (node is not YamlMappingNode map)
        {
            entry.Error(node.Start.Line, $"'outcome' must be a mapping of {string.Join(", ", Keys)}");
            return null;
        }

        foreach (var unknown in map.Children.Keys.Select(k => ((YamlScalarNode)k).Value).Where(k => !Keys.Contains(k)))
        {
            entry.Error(node.Start.Line, $"outcome: '{unknown}' is not one of {string.Join(", ", Keys)}");
        }

        var measure = entry.Required("outcome.measure");
        var better = Choice(entry, "outcome.better", ["higher", "lower"]) is { } b ? (b == "higher" ? Direction.Higher : Direction.Lower) : (Direction?)null;
        var effect = Choice(entry, "outcome.effect", ["difference", "ratio"]) is { } e ? (e == "ratio" ? EffectKind.Ratio : EffectKind.Difference) : (EffectKind?)null;
        var threshold = entry.Number("outcome.threshold", true);
        var target = entry.Number("outcome.target", true);
        var weight = entry.Number("outcome.weight", false) ?? 0;
        var baseline = Baseline(entry);
        if (threshold is { } t && target is { } g && g <= t)
        {
            entry.Error(node.Start.Line, $"outcome: target ({g}) must be above threshold ({t}): both are improvements, positive when the measure moved the better way");
        }

        if (weight < 0)
        {
            entry.Error(node.Start.Line, $"outcome: weight must be ≥ 0, not {weight}");
        }

        return measure is null || better is null || effect is null || threshold is null || target is null ? null
            : new OutcomeDeclaration(measure, better.Value, effect.Value, baseline, threshold.Value, target.Value, weight, entry.Optional("outcome.reason"), node.Start.Line);
    }

    private static string? Choice(YamlEntry entry, string path, string[] allowed)
    {
        var text = entry.Required(path);
        if (text is not null && !allowed.Contains(text))
        {
            entry.Error(entry.Find(path)!.Start.Line, $"'{path}' must be one of {string.Join(", ", allowed)}, not '{text}'");
            return null;
        }

        return text;
    }

    private static OutcomeBaseline? Baseline(YamlEntry entry)
    {
        if (entry.Find("outcome.baseline") is not { } node)
        {
            return null;
        }

        var before = CatalogueDetails.ReadPeriod(entry, "outcome.baseline.before");
        var control = entry.Optional("outcome.baseline.control");
        if ((before is null) == (control is null))
        {
            entry.Error(node.Start.Line, "outcome.baseline must give exactly one of 'before: {from, to}' (the same devices before the AI) or 'control: scenario-id'");
            return null;
        }

        return new OutcomeBaseline(before, control);
    }
}
