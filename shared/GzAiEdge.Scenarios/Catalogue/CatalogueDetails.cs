using System.Globalization;
using GzAiEdge.Contracts.Topics;
using GzAiEdge.Scenarios.Outcomes;
using YamlDotNet.RepresentationModel;

namespace GzAiEdge.Scenarios.Catalogue;

/// <summary>The optional evaluation fields of one catalogue entry: provider, sites, period, KPI overrides, outcome.</summary>
internal sealed record CatalogueDetails(string? Provider, IReadOnlyList<ScenarioSite> Sites, DemonstrationPeriod? Period, IReadOnlyList<KpiOverride> Overrides,
    OutcomeDeclaration? Outcome)
{
    private static readonly string[] OverrideKeys = ["threshold", "target", "weight", "reason"];

    public static CatalogueDetails Read(YamlEntry entry) =>
        new(entry.Optional("provider"), ReadSites(entry), ReadPeriod(entry, "period"), ReadOverrides(entry), CatalogueOutcome.Read(entry));

    private static List<ScenarioSite> ReadSites(YamlEntry entry)
    {
        var sites = new List<ScenarioSite>();
        var node = entry.Find("sites");
        if (node is null)
        {
            return sites;
        }

        if (node is not YamlSequenceNode list)
        {
            entry.Error(node.Start.Line, "'sites' must be a list of {site, devices: [...]}");
            return sites;
        }

        foreach (var item in list)
        {
            var site = entry.For(item);
            var id = site.Required("site");
            CheckId(site, id, "site");
            var devices = new List<string>();
            if (site.Find("devices") is YamlSequenceNode deviceList && deviceList.Children.Count > 0)
            {
                foreach (var device in deviceList)
                {
                    var value = (device as YamlScalarNode)?.Value;
                    CheckId(site.For(device), value, "device");
                    if (value is not null)
                    {
                        devices.Add(value);
                    }
                }
            }
            else
            {
                site.Error(site.Line, "'devices' must be a non-empty list of device ids");
            }

            if (id is not null)
            {
                sites.Add(new ScenarioSite(id, devices));
            }
        }

        return sites;
    }

    private static void CheckId(YamlEntry at, string? value, string what)
    {
        if (value is null)
        {
            at.Error(at.Line, $"{what} must be an id");
        }
        else if (Identifiers.Check(value) is { } why)
        {
            at.Error(at.Line, $"{what} {why}");
        }
    }

    /// <summary>The period {from, to} at <paramref name="path"/>; null (no error) when absent.</summary>
    internal static DemonstrationPeriod? ReadPeriod(YamlEntry entry, string path)
    {
        if (entry.Find(path) is null)
        {
            return null;
        }

        var from = Time(entry, $"{path}.from");
        var to = Time(entry, $"{path}.to");
        if (from is null || to is null)
        {
            return null;
        }

        if (to <= from)
        {
            entry.Error(entry.Find(path)!.Start.Line, $"{path}.to ({to:yyyy-MM-dd}) must be after {path}.from ({from:yyyy-MM-dd})");
            return null;
        }

        return new DemonstrationPeriod(from.Value, to.Value);
    }

    private static DateTimeOffset? Time(YamlEntry entry, string path)
    {
        var text = entry.Required(path);
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        entry.Error(entry.Find(path)!.Start.Line, $"'{path}' must be a date or UTC time (2026-03-01 or 2026-03-01T08:00:00Z), not '{text}'");
        return null;
    }

    private static List<KpiOverride> ReadOverrides(YamlEntry entry)
    {
        var overrides = new List<KpiOverride>();
        var node = entry.Find("kpis");
        if (node is null)
        {
            return overrides;
        }

        if (node is not YamlMappingNode map)
        {
            entry.Error(node.Start.Line, "'kpis' must map KPI keys to {threshold, target, weight, reason}");
            return overrides;
        }

        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? string.Empty;
            var item = entry.For(valueNode);
            if (valueNode is YamlMappingNode values)
            {
                foreach (var unknown in values.Children.Keys.Select(k => ((YamlScalarNode)k).Value).Where(k => !OverrideKeys.Contains(k)))
                {
                    item.Error(item.Line, $"kpis.{key}: '{unknown}' is not one of threshold, target, weight, reason");
                }
            }

            overrides.Add(new KpiOverride(key, item.Number("threshold", false), item.Number("target", false), item.Number("weight", false), keyNode.Start.Line,
                item.Optional("reason")));
        }

        return overrides;
    }
}
