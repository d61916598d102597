using GzAiEdge.Scenarios.Catalogue;
using YamlDotNet.RepresentationModel;

namespace GzAiEdge.Scenarios.Types;

/// <summary>Reads and checks the <c>gates:</c> of a scenario type: shares within 0–1, a whole report count, audit flag names.</summary>
internal static class GatesReader
{
    public static Gates Read(YamlEntry entry)
    {
        var node = entry.Find("gates");
        if (node is not YamlMappingNode)
        {
            entry.Error(node?.Start.Line ?? entry.Line, "missing 'gates' (completeness, uptime, verifiedShare, reports, auditFlags)");
            return new Gates(null, null, null, null);
        }

        var gates = entry.For(node);
        foreach (var key in ((YamlMappingNode)node).Children.Keys.Select(k => ((YamlScalarNode)k).Value))
        {
            if (key is not ("completeness" or "uptime" or "verifiedShare" or "reports" or "auditFlags"))
            {
                gates.Error(node.Start.Line, $"gates: '{key}' is not one of completeness, uptime, verifiedShare, reports, auditFlags");
            }
        }

        double? Share(string key)
        {
            var value = gates.Number(key, false);
            if (value is < 0 or > 1)
            {
                gates.Error(gates.Find(key)!.Start.Line, $"gates.{key} is a share and must be within 0–1, not {value}");
            }

            return value;
        }

        var reports = gates.Number("reports", false);
        if (reports is { } r && (r < 0 || r != Math.Floor(r)))
        {
            gates.Error(gates.Find("reports")!.Start.Line, $"gates.reports must be a whole number ≥ 0, not {r}");
        }

        return new Gates(Share("completeness"), Share("uptime"), Share("verifiedShare"), reports is null ? null : (long)reports.Value, ReadFlags(gates));
    }

    // Flag names are the audit side's (the evaluation checks the shipped types against them); here only their form.
    private static List<string>? ReadFlags(YamlEntry gates)
    {
        var flags = new List<string>();
        if (gates.Find("auditFlags") is not { } node)
        {
            return null;
        }

        if (node is not YamlSequenceNode list)
        {
            gates.Error(node.Start.Line, "gates.auditFlags must be a list of audit flag names, e.g. [field_model_matches, repeats_identical]");
            return flags;
        }

        foreach (var item in list)
        {
            if (item is not YamlScalarNode { Value: { } name } || !IsFlagName(name))
            {
                gates.Error(item.Start.Line, $"gates.auditFlags: '{(item as YamlScalarNode)?.Value}' is not an audit flag name (lower case, digits and _)");
            }
            else if (flags.Contains(name))
            {
                gates.Error(item.Start.Line, $"gates.auditFlags: '{name}' appears twice");
            }
            else
            {
                flags.Add(name);
            }
        }

        return flags;
    }

    private static bool IsFlagName(string name) =>
        name.Length > 0 && char.IsAsciiLetterLower(name[0]) && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');
}
