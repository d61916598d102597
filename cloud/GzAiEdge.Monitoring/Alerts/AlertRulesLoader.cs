using System.Globalization;
using GzAiEdge.Contracts.Validation;
using GzAiEdge.Scenarios.Kpis;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GzAiEdge.Monitoring.Alerts;

/// <summary>A rules file that cannot be used; the message lists every problem as <c>file:line: what</c>.</summary>
public sealed class AlertRulesException(string message) : Exception(message);

/// <summary>
/// Reads <c>types: {type-id: {offlineSeconds, completenessBelow, kpis: [{kpi, above|below, windows, target}]}}</c>.
/// Walks the node tree rather than deserialising, so that every error names its line, and unknown
/// keys are errors, so that a misspelt <c>windws</c> is not silently a rule with the default.
/// </summary>
public static class AlertRulesLoader
{
    private static readonly string[] TypeKeys = ["offlineSeconds", "completenessBelow", "kpis"];
    private static readonly string[] KpiKeys = ["kpi", "above", "below", "windows", "target"];

    public static AlertRuleSet Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new AlertRulesException($"{path}: alert rules file not found");
        }

        using var reader = File.OpenText(path);
        return Parse(reader, path);
    }

    public static AlertRuleSet Parse(TextReader text, string source)
    {
        var yaml = new YamlStream();
        try
        {
            yaml.Load(text);
        }
        catch (YamlException ex)
        {
            throw new AlertRulesException($"{source}:{ex.Start.Line}: {ex.InnerException?.Message ?? ex.Message}");
        }

        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("types"), out var typesNode) || typesNode is not YamlMappingNode types)
        {
            throw new AlertRulesException($"{source}:1: expected a top-level 'types:' mapping of scenario type id to rules");
        }

        var errors = new List<string>();
        var result = new List<ScenarioTypeRules>();
        foreach (var (key, value) in types.Children)
        {
            var type = ((YamlScalarNode)key).Value ?? string.Empty;
            if (value is not YamlMappingNode rules)
            {
                errors.Add($"{source}:{value.Start.Line}: type '{type}' must be a mapping");
                continue;
            }

            var at = new Context(source, errors);
            at.OnlyKeys(rules, TypeKeys, $"type '{type}'");
            var offline = at.Number(rules, "offlineSeconds", 1, 86_400);
            var completeness = at.Number(rules, "completenessBelow", 0.01, 1);
            var kpis = new List<KpiAlertRule>();
            if (rules.Children.TryGetValue(new YamlScalarNode("kpis"), out var kpiList))
            {
                if (kpiList is YamlSequenceNode list)
                {
                    kpis.AddRange(list.Select(node => ParseKpi(node, type, at)).OfType<KpiAlertRule>());
                }
                else
                {
                    errors.Add($"{source}:{kpiList.Start.Line}: 'kpis' must be a list");
                }
            }

            result.Add(new ScenarioTypeRules(type, kpis, offline is { } s ? TimeSpan.FromSeconds(s) : null, completeness));
        }

        return errors.Count > 0 ? throw new AlertRulesException(string.Join(Environment.NewLine, errors)) : new AlertRuleSet(result);
    }

    private static KpiAlertRule? ParseKpi(YamlNode node, string type, Context at)
    {
        if (node is not YamlMappingNode rule)
        {
            at.Error(node, "a KPI rule must be a mapping (kpi, above or below, windows, target)");
            return null;
        }

        at.OnlyKeys(rule, KpiKeys, "a KPI rule");
        var kpi = at.Text(rule, "kpi");
        if (kpi is not null && !KpiReportValidator.IsKpiName(kpi))
        {
            at.Error(rule, $"kpi '{kpi}' is not a KPI key (lower snake case, see docs/kpis.md)");
            kpi = null;
        }
        else if (kpi is not null && KpiCatalogue.Find(kpi) is null)
        {
            // A rule on a key no device sends would never fire, and nobody would notice.
            at.Error(rule.Children[new YamlScalarNode("kpi")], $"kpi '{kpi}' is not in the KPI catalogue (docs/kpis.md)");
            kpi = null;
        }

        var above = at.Number(rule, "above", double.MinValue, double.MaxValue);
        var below = at.Number(rule, "below", double.MinValue, double.MaxValue);
        if (above is null == below is null)
        {
            at.Error(rule, "give exactly one of 'above' or 'below' (the threshold and which side of it is bad)");
            return null;
        }

        var windows = at.Number(rule, "windows", 1, 1000) ?? 1;
        var target = at.Number(rule, "target", double.MinValue, double.MaxValue);
        if (kpi is null || windows != Math.Floor(windows))
        {
            if (kpi is not null)
            {
                at.Error(rule, $"windows = {windows.ToString(CultureInfo.InvariantCulture)}: must be a whole number");
            }

            return null;
        }

        var direction = above is null ? AlertDirection.Below : AlertDirection.Above;
        return new KpiAlertRule($"{type}/{kpi}/{direction.ToString().ToLowerInvariant()}", kpi, direction, (above ?? below)!.Value, (int)windows, target);
    }

    private sealed class Context(string source, List<string> errors)
    {
        public void Error(YamlNode node, string what) => errors.Add($"{source}:{node.Start.Line}: {what}");

        public void OnlyKeys(YamlMappingNode node, string[] allowed, string what)
        {
            foreach (var key in node.Children.Keys.OfType<YamlScalarNode>().Where(k => !allowed.Contains(k.Value)))
            {
                Error(key, $"unknown key '{key.Value}' in {what}; expected {string.Join(", ", allowed)}");
            }
        }

        public string? Text(YamlMappingNode node, string key)
        {
            if (!node.Children.TryGetValue(new YamlScalarNode(key), out var value))
            {
                Error(node, $"missing '{key}'");
                return null;
            }

            return value is YamlScalarNode { Value: { Length: > 0 } text } ? text : Fail(value, $"'{key}' must be a non-empty text value");
        }

        public double? Number(YamlMappingNode node, string key, double min, double max)
        {
            if (!node.Children.TryGetValue(new YamlScalarNode(key), out var value))
            {
                return null;
            }

            if (value is not YamlScalarNode { Value: { } text }
                || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
            {
                Error(value, $"'{key}' must be a number");
                return null;
            }

            if (number < min || number > max)
            {
                Error(value, $"'{key}' = {text}: must be within {min.ToString(CultureInfo.InvariantCulture)}..{max.ToString(CultureInfo.InvariantCulture)}");
                return null;
            }

            return number;
        }

        private string? Fail(YamlNode node, string what)
        {
            Error(node, what);
            return null;
        }
    }
}
