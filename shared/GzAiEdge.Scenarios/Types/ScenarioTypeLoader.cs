using GzAiEdge.Contracts.Topics;
using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.Scenarios.Kpis;
using YamlDotNet.RepresentationModel;

namespace GzAiEdge.Scenarios.Types;

/// <summary>
/// Reads scenario types, one per <c>{id}.yaml</c> file in a folder. Rules checked with file:line:
/// the pipeline is known and emits every KPI (<see cref="KpiCatalogue"/>); no KPI twice; weights are ≥ 0 and sum
/// to 100 (<see cref="WeightTotal"/>); the target lies on the better side of the threshold; gate
/// shares are within 0–1.
/// </summary>
public static class ScenarioTypeLoader
{
    /// <summary>What a type's (and a scenario's effective) KPI weights must add up to.</summary>
    public const double WeightTotal = 100;

    /// <summary>Tolerance for the weight sum, so that 33.33 + 33.33 + 33.34 passes.</summary>
    public const double WeightTolerance = 1e-6;

    /// <summary>Loads every <c>*.yaml</c> of <paramref name="folder"/>; throws <see cref="CatalogueException"/> listing every problem.</summary>
    public static IReadOnlyList<ScenarioType> LoadFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new CatalogueException($"{folder}: scenario type folder not found");
        }

        var errors = new List<string>();
        var types = new List<ScenarioType>();
        foreach (var file in Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            using var reader = File.OpenText(file);
            try
            {
                if (Parse(reader, file, errors) is { } type)
                {
                    types.Add(type);
                }
            }
            catch (CatalogueException ex)
            {
                errors.Add(ex.Message);
            }
        }

        if (errors.Count > 0)
        {
            throw new CatalogueException(string.Join(Environment.NewLine, errors));
        }

        return types;
    }

    /// <summary>Parses one type; problems go to <paramref name="errors"/> and the result is then null.</summary>
    public static ScenarioType? Parse(TextReader text, string source, List<string> errors)
    {
        var before = errors.Count;
        var entry = new YamlEntry(CatalogueLoader.ReadRoot(text, source), source, errors);
        var id = entry.Required("id");
        if (id is not null && Identifiers.Check(id) is { } why)
        {
            entry.Error(entry.Find("id")!.Start.Line, $"id {why}");
        }
        else if (id is not null && File.Exists(source) && Path.GetFileNameWithoutExtension(source) != id)
        {
            entry.Error(entry.Find("id")!.Start.Line, $"id '{id}' must match the file name ({id}.yaml)");
        }

        var sectorText = entry.Required("sector");
        var sector = default(Sector);
        if (sectorText is not null && !SectorNames.TryParse(sectorText, out sector))
        {
            entry.Error(entry.Find("sector")!.Start.Line, $"sector '{sectorText}' is not one of {SectorNames.All}");
        }

        var zh = entry.Required("name.zh");
        var en = entry.Required("name.en");
        var pipeline = entry.Required("pipeline");
        if (pipeline is not null && !KpiCatalogue.IsPipeline(pipeline))
        {
            entry.Error(entry.Find("pipeline")!.Start.Line, $"pipeline '{pipeline}' is not one of {string.Join(", ", PipelineNames.All)} (docs/kpis.md)");
        }

        var kpis = KpiRubricReader.Read(entry, pipeline is not null && KpiCatalogue.IsPipeline(pipeline) ? pipeline : null);
        var gates = ReadGates(entry);
        return errors.Count == before
            ? new ScenarioType(id!, sector, zh!, en!, pipeline!, kpis, gates, source)
            : null;
    }

    private static Gates ReadGates(YamlEntry entry)
    {
        var node = entry.Find("gates");
        if (node is not YamlMappingNode)
        {
            entry.Error(node?.Start.Line ?? entry.Line, "missing 'gates' (completeness, uptime, verifiedShare, reports)");
            return new Gates(null, null, null, null);
        }

        var gates = entry.For(node);
        foreach (var key in ((YamlMappingNode)node).Children.Keys.Select(k => ((YamlScalarNode)k).Value))
        {
            if (key is not ("completeness" or "uptime" or "verifiedShare" or "reports"))
            {
                gates.Error(node.Start.Line, $"gates: '{key}' is not one of completeness, uptime, verifiedShare, reports");
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

        return new Gates(Share("completeness"), Share("uptime"), Share("verifiedShare"), reports is null ? null : (long)reports.Value);
    }
}
