using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.Testing;

namespace GzAiEdge.Scenarios.Tests.Catalogue;

/// <summary>Which devices a scenario lists (ingestion takes reports only from them), and copies of a catalogue with more listed.</summary>
public sealed class CatalogueListingTests : IDisposable
{
    private const string Yaml = """
        scenarios:
          - id: s-1
            sector: traffic
            type: traffic-flow
            name: {zh: 一, en: One}
            sites:
              - site: a-1
                devices: [cam-01]
          - id: s-2
            sector: city
            type: crowd-monitoring
            name: {zh: 二, en: Two}
            provider: P
        """;

    private readonly TempFolder _folder = new("gz-catalogue-listing");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_scenario_lists_exactly_the_site_and_device_pairs_its_entry_names()
    {
        var catalogue = CatalogueLoader.Parse(new StringReader(Yaml), "c.yaml");

        Assert.True(catalogue.Lists("s-1", "a-1", "cam-01"));
        Assert.False(catalogue.Lists("s-1", "a-2", "cam-01"));
        Assert.False(catalogue.Lists("s-1", "a-1", "cam-02"));
        Assert.False(catalogue.Lists("s-2", "a-1", "cam-01"));
        Assert.False(catalogue.Lists("s-1/a-1", "cam-01", string.Empty));
        Assert.False(catalogue.Lists("s-1", "a-1/cam-01", string.Empty));
        Assert.False(catalogue.Lists(new string('s', 200), "a-1", "cam-01"));
    }

    [Fact]
    public void A_copy_lists_the_added_devices_at_existing_and_new_sites_and_keeps_everything_else()
    {
        var source = _folder.File("c.yaml");
        File.WriteAllText(source, Yaml);

        CatalogueWriter.WriteWithDevices(source, [("s-1", "a-1", "cam-02"), ("s-1", "a-1", "cam-01"), ("s-1", "b-1", "cam-01"), ("s-2", "fleet", "fleet-00001")], _folder.File("copy.yaml"));

        var copy = CatalogueLoader.Load(_folder.File("copy.yaml"));
        Assert.Equal(["a-1: cam-01, cam-02", "b-1: cam-01"], Sites(copy, "s-1"));
        Assert.Equal(["fleet: fleet-00001"], Sites(copy, "s-2"));
        Assert.True(copy.TryGet("s-2", out var two));
        Assert.Equal(("P", "Two", Sector.City), (two.Provider, two.NameEn, two.Sector));
        var unknown = Assert.Throws<CatalogueException>(() => CatalogueWriter.WriteWithDevices(source, [("s-9", "a-1", "d")], _folder.File("x.yaml")));
        Assert.Equal($"{source}: no scenario 's-9' to list a-1/d under", unknown.Message);
    }

    private static List<string> Sites(ScenarioCatalogue catalogue, string id)
    {
        Assert.True(catalogue.TryGet(id, out var scenario));
        return [.. scenario.Sites.Select(s => $"{s.Site}: {string.Join(", ", s.Devices)}")];
    }
}
