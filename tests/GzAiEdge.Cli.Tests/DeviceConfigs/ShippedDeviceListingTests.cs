using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.Testing;
using YamlDotNet.RepresentationModel;

namespace GzAiEdge.Cli.Tests.DeviceConfigs;

public sealed class ShippedDeviceListingTests
{
    // Ingestion dead-letters a report from a device its scenario does not list, so a shipped device the sample
    // catalogue forgot would have every report refused.
    [Fact]
    public void Every_shipped_device_config_reports_for_a_scenario_the_sample_catalogue_lists_it_under()
    {
        var catalogue = CatalogueLoader.Load(ListedCatalogue.Sample);
        var configs = Directory.EnumerateFiles(RepoPaths.Combine("firmware-configs", "devices"), "*.yaml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(RepoPaths.Combine("firmware-configs", "sites"), "*.yaml", SearchOption.AllDirectories)).ToList();

        var unlisted = configs.Select(Identity).Where(c => !catalogue.Lists(c.Scenario, c.Site, c.Device))
            .Select(c => $"{c.File}: {c.Site}/{c.Device} for {c.Scenario}").ToList();

        Assert.True(configs.Count >= 9, $"only {configs.Count} shipped configs");
        Assert.Empty(unlisted);
    }

    private static (string File, string Site, string Device, string Scenario) Identity(string file)
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(file))
        {
            yaml.Load(reader);
        }

        var edge = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["edge"];
        string Value(string key) => ((YamlScalarNode)edge[key]).Value!;
        return (Path.GetRelativePath(RepoPaths.Root, file), Value("site"), Value("device"), Value("scenario"));
    }
}
