using GzAiEdge.Contracts.Topics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GzAiEdge.Scenarios.Catalogue;

/// <summary>
/// Reads a catalogue YAML file (<c>scenarios:</c> list of <c>id, sector, type, name: {zh, en}</c>).
/// Walks the YAML node tree rather than deserialising, so every error can name its line.
/// </summary>
public static class CatalogueLoader
{
    /// <summary>Loads and validates; throws <see cref="CatalogueException"/> listing every problem found.</summary>
    public static ScenarioCatalogue Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new CatalogueException($"{path}: catalogue file not found");
        }

        using var reader = File.OpenText(path);
        return Parse(reader, path);
    }

    /// <summary>Parses catalogue text; <paramref name="source"/> names it in errors.</summary>
    public static ScenarioCatalogue Parse(TextReader text, string source)
    {
        var yaml = new YamlStream();
        try
        {
            yaml.Load(text);
        }
        catch (YamlException ex)
        {
            throw new CatalogueException($"{source}:{ex.Start.Line}: {ex.InnerException?.Message ?? ex.Message}");
        }

        var errors = new List<string>();
        var scenarios = new List<Scenario>();
        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("scenarios"), out var list) || list is not YamlSequenceNode items)
        {
            throw new CatalogueException($"{source}:1: expected a top-level 'scenarios:' list");
        }

        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var entry = new YamlEntry(item, source, errors);
            var id = entry.Required("id");
            if (id is not null)
            {
                if (Identifiers.Check(id) is { } why)
                {
                    errors.Add($"{source}:{entry.Line}: id {why}");
                }
                else if (!seen.TryAdd(id, entry.Line))
                {
                    errors.Add($"{source}:{entry.Line}: duplicate id '{id}' (first at line {seen[id]})");
                }
            }

            var sector = entry.Required("sector");
            var parsedSector = default(Sector);
            if (sector is not null && !Enum.TryParse(sector, ignoreCase: true, out parsedSector))
            {
                errors.Add($"{source}:{entry.Line}: sector '{sector}' is not one of traffic, manufacturing, medical, city");
            }

            var type = entry.Required("type");
            var zh = entry.Required("name.zh");
            var en = entry.Required("name.en");
            if (id is not null && sector is not null && type is not null && zh is not null && en is not null)
            {
                scenarios.Add(new Scenario(id, parsedSector, type, zh, en));
            }
        }

        if (errors.Count > 0)
        {
            throw new CatalogueException(string.Join(Environment.NewLine, errors));
        }

        return new ScenarioCatalogue(scenarios.DistinctBy(s => s.Id));
    }
}
