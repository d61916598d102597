using YamlDotNet.RepresentationModel;

namespace GzAiEdge.Scenarios.Catalogue;

/// <summary>
/// Writes a copy of a catalogue file with more devices listed under its scenarios, every other field kept as it is:
/// for a simulated fleet (<c>gz fleet --write-catalogue</c>) and for tests, whose devices a programme's catalogue does not
/// list, while ingestion takes reports only from listed devices.
/// </summary>
public static class CatalogueWriter
{
    /// <summary>
    /// Reads <paramref name="source"/>, lists each of <paramref name="devices"/> under its scenario (in the entry of its
    /// site, or a new one) unless it is listed there already, and writes the result to <paramref name="output"/>.
    /// </summary>
    /// <exception cref="CatalogueException">The source is not a catalogue, or has no scenario of a given id.</exception>
    public static void WriteWithDevices(string source, IEnumerable<(string Scenario, string Site, string Device)> devices, string output)
    {
        YamlMappingNode root;
        using (var reader = File.OpenText(source))
        {
            root = CatalogueLoader.ReadRoot(reader, source);
        }

        if (!root.Children.TryGetValue(new YamlScalarNode("scenarios"), out var list) || list is not YamlSequenceNode items)
        {
            throw new CatalogueException($"{source}:1: expected a top-level 'scenarios:' list");
        }

        var scenarios = items.Children.OfType<YamlMappingNode>()
            .Where(s => s.Children.TryGetValue(new YamlScalarNode("id"), out var id) && id is YamlScalarNode)
            .ToDictionary(s => ((YamlScalarNode)s["id"]).Value!, StringComparer.Ordinal);
        foreach (var (scenario, site, device) in devices)
        {
            var entry = scenarios.GetValueOrDefault(scenario) ?? throw new CatalogueException($"{source}: no scenario '{scenario}' to list {site}/{device} under");
            var listed = DevicesAt(entry, site);
            if (!listed.Children.OfType<YamlScalarNode>().Any(d => d.Value == device))
            {
                listed.Add(device);
            }
        }

        using var writer = File.CreateText(output);
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
    }

    private static YamlSequenceNode DevicesAt(YamlMappingNode scenario, string site)
    {
        if (!scenario.Children.TryGetValue(new YamlScalarNode("sites"), out var node) || node is not YamlSequenceNode sites)
        {
            sites = [];
            scenario.Children[new YamlScalarNode("sites")] = sites;
        }

        var entry = sites.Children.OfType<YamlMappingNode>()
            .FirstOrDefault(s => s.Children.TryGetValue(new YamlScalarNode("site"), out var id) && (id as YamlScalarNode)?.Value == site);
        if (entry is null)
        {
            entry = new YamlMappingNode { { "site", site }, { "devices", new YamlSequenceNode() } };
            sites.Add(entry);
        }

        if (!entry.Children.TryGetValue(new YamlScalarNode("devices"), out var devices) || devices is not YamlSequenceNode sequence)
        {
            sequence = [];
            entry.Children[new YamlScalarNode("devices")] = sequence;
        }

        return sequence;
    }
}
