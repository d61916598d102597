using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.Testing;

namespace GzAiEdge.Scenarios.Tests.Catalogue;

public class CatalogueLoaderTests
{
    [Fact]
    public void The_shipped_catalogue_loads_and_maps_scenarios_to_sectors()
    {
        var catalogue = CatalogueLoader.Load(RepoPaths.Combine("firmware-configs", "scenarios", "catalogue.yaml"));

        Assert.True(catalogue.TryGet("med-yuexiu-vitals", out var scenario));
        Assert.Equal(Sector.Medical, scenario.Sector);
        Assert.Equal("medical", scenario.SectorTag);
        Assert.Equal("越秀病房生命体征监测", scenario.NameZh);
        Assert.False(catalogue.TryGet("unknown", out _));
    }

    [Fact]
    public void Every_problem_is_reported_with_its_line()
    {
        const string text = """
            scenarios:
              - id: a-1
                sector: traffic
                type: t
                name: { zh: 甲, en: A }
              - id: a-1
                sector: rail
                type: t
                name: { zh: 乙 }
              - id: Bad Id
                sector: city
                type: t
                name: { zh: 丙, en: C }
            """;

        var ex = Assert.Throws<CatalogueException>(() => CatalogueLoader.Parse(new StringReader(text), "programme.yaml"));

        Assert.Equal(
            [
                "programme.yaml:6: duplicate id 'a-1' (first at line 2)",
                "programme.yaml:6: sector 'rail' is not one of traffic, manufacturing, medical, energy, city",
                "programme.yaml:9: missing 'name.en'",
                "programme.yaml:10: id 'Bad Id' must start with a-z or 0-9",
            ],
            ex.Message.Split(Environment.NewLine));
    }

    [Fact]
    public void Broken_yaml_and_a_missing_list_are_clear_errors()
    {
        var broken = Assert.Throws<CatalogueException>(() => CatalogueLoader.Parse(new StringReader("scenarios:\n  - id: [x\n"), "c.yaml"));
        var empty = Assert.Throws<CatalogueException>(() => CatalogueLoader.Parse(new StringReader("other: 1\n"), "c.yaml"));
        var missing = Assert.Throws<CatalogueException>(() => CatalogueLoader.Load("/nonexistent/catalogue.yaml"));

        Assert.StartsWith("c.yaml:", broken.Message);
        Assert.Equal("c.yaml:1: expected a top-level 'scenarios:' list", empty.Message);
        Assert.Equal("/nonexistent/catalogue.yaml: catalogue file not found", missing.Message);
    }
}
