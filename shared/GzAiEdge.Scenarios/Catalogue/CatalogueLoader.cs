using GzAiEdge.Contracts.Topics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GzAiEdge.Scenarios.Catalogue;

/// <summary>
/// Reads a catalogue YAML file: a <c>scenarios:</c> list of <c>id, sector, type, name: {zh, en}</c>
/// and, for evaluation, <c>provider, sites: [{site, devices: […]}], period: {from, to}</c> and
/// optional <c>kpis: {key: {threshold, target, weight}}</c> overrides. Walks the YAML node tree
/// rather than deserialising, so every error can name its line. Checks against the scenario types
/// (unknown type, KPI not in type, weights) are <see cref="Programmes.ProgrammeLoader"/>'s.
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
        var root = ReadRoot(text, source);
        var errors = new List<string>();
        var scenarios = new List<Scenario>();
        if (!root.Children.TryGetValue(new YamlScalarNode("scenarios"), out var list) || list is not YamlSequenceNode items)
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
                    entry.Error(entry.Line, $"id {why}");
                }
                else if (!seen.TryAdd(id, entry.Line))
                {
                    entry.Error(entry.Line, $"duplicate id '{id}' (first at line {seen[id]})");
                }
            }

            var sector = entry.Required("sector");
            var parsedSector = default(Sector);
            if (sector is not null && !SectorNames.TryParse(sector, out parsedSector))
            {
                entry.Error(entry.Line, $"sector '{sector}' is not one of {SectorNames.All}");
            }

            var type = entry.Required("type");
            var zh = entry.Required("name.zh");
            var en = entry.Required("name.en");
            var details = CatalogueDetails.Read(entry);
            if (id is not null && sector is not null && type is not null && zh is not null && en is not null)
            {
                scenarios.Add(new Scenario(id, parsedSector, type, zh, en)
                {
                    Provider = details.Provider,
                    Sites = details.Sites,
                    Period = details.Period,
                    KpiOverrides = details.Overrides,
                    Outcome = details.Outcome,
                    Line = entry.Line,
                });
            }
        }

        if (errors.Count > 0)
        {
            throw new CatalogueException(string.Join(Environment.NewLine, errors));
        }

        return new ScenarioCatalogue(scenarios.DistinctBy(s => s.Id));
    }

    /// <summary>The top-level mapping of a YAML file, or a <see cref="CatalogueException"/> naming the line.</summary>
    internal static YamlMappingNode ReadRoot(TextReader text, string source)
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

        return yaml.Documents.Count > 0 && yaml.Documents[0].RootNode is YamlMappingNode root
            ? root
            : throw new CatalogueException($"{source}:1: expected a YAML mapping at the top level");
    }
}
