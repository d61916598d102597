using YamlDotNet.RepresentationModel;

namespace GzAiEdge.Testing;

/// <summary>
/// A copy of the sample catalogue with more devices listed under its scenarios, for tests and benches whose devices
/// the sample does not list: ingestion dead-letters a report from a device its scenario does not list. The copy keeps
/// every other field; the cloud reads the sample's scenario types beside it.
/// </summary>
public static class ListedCatalogue
{
    /// <summary>The sample catalogue the copies start from.</summary>
    public static string Sample => RepoPaths.Combine("firmware-configs", "scenarios", "catalogue.yaml");

    /// <summary>
    /// Writes the sample with <paramref name="devices"/> listed too (at a site the scenario lists, or at a new one) to
    /// <paramref name="path"/>; returns the cloud arguments that load it.
    /// </summary>
    public static string[] Write(string path, IEnumerable<(string Scenario, string Site, string Device)> devices)
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(Sample))
        {
            yaml.Load(reader);
        }

        var scenarios = ((YamlSequenceNode)((YamlMappingNode)yaml.Documents[0].RootNode)["scenarios"]).Children.Cast<YamlMappingNode>()
            .ToDictionary(s => ((YamlScalarNode)s["id"]).Value!, StringComparer.Ordinal);
        foreach (var (scenario, site, device) in devices)
        {
            var entry = scenarios.TryGetValue(scenario, out var found) ? found : throw new ArgumentException($"the sample catalogue has no scenario '{scenario}'");
            if (!entry.Children.TryGetValue(new YamlScalarNode("sites"), out var sitesNode))
            {
                entry.Add("sites", sitesNode = new YamlSequenceNode());
            }

            var sites = (YamlSequenceNode)sitesNode;
            var at = sites.Children.Cast<YamlMappingNode>().FirstOrDefault(s => ((YamlScalarNode)s["site"]).Value == site);
            if (at is null)
            {
                at = new YamlMappingNode { { "site", site }, { "devices", new YamlSequenceNode() } };
                sites.Add(at);
            }

            var listed = (YamlSequenceNode)at["devices"];
            if (!listed.Children.OfType<YamlScalarNode>().Any(d => d.Value == device))
            {
                listed.Add(device);
            }
        }

        using (var writer = File.CreateText(path))
        {
            yaml.Save(writer, assignAnchors: false);
        }

        return [$"--Catalogue:Path={path}", $"--Evaluation:TypesPath={RepoPaths.Combine("firmware-configs", "scenarios", "types")}"];
    }
}
