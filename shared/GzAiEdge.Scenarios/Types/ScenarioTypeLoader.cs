using GzAiEdge.Contracts.Topics;
using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.Scenarios.Kpis;
using YamlDotNet.RepresentationModel;

namespace GzAiEdge.Scenarios.Types;

/// <summary>
/// Reads scenario types, one per <c>{id}.yaml</c> file in a folder. Rules checked with file:line:
/// the pipeline is known and every KPI is one it emits or the cloud computes for it (<see cref="KpiCatalogue"/>); no
/// KPI twice; weights are ≥ 0 and sum to 100 (<see cref="WeightTotal"/>), and only service and accuracy KPIs carry
/// weight; an accuracy KPI names its truth source; every threshold and target gives its reason; a model pipeline
/// states its operating requirement, which its inference p95 is scored against; the target lies on the better side
/// of the threshold; gate shares are within 0–1; no key is unknown.
/// </summary>
public static class ScenarioTypeLoader
{
    private static readonly string[] RootKeys = ["id", "sector", "name", "pipeline", "requirement", "kpis", "gates"];

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
        KpiRules.UnknownKeys(entry, "scenario type", RootKeys);
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

        var known = pipeline is not null && KpiCatalogue.IsPipeline(pipeline) ? pipeline : null;
        var requirement = ReadRequirement(entry, known);
        var kpis = KpiRubricReader.Read(entry, known, requirement);
        var gates = GatesReader.Read(entry);
        return errors.Count == before
            ? new ScenarioType(id!, sector, zh!, en!, pipeline!, requirement, kpis, gates, source)
            : null;
    }

    // A model pipeline's latency means something only against the rate its input arrives at; a pipeline without a
    // model has no inference to require anything of.
    private static OperatingRequirement? ReadRequirement(YamlEntry entry, string? pipeline)
    {
        var node = entry.Find("requirement");
        if (pipeline is null || !PipelineNames.WithModel.Contains(pipeline))
        {
            if (node is not null && pipeline is not null)
            {
                entry.Error(node.Start.Line, $"pipeline '{pipeline}' runs no model, so it has no inference requirement");
            }

            return null;
        }

        if (node is not YamlMappingNode)
        {
            entry.Error(node?.Start.Line ?? entry.Line, "missing 'requirement' {inputsPerSecond, inferenceP95Ms, reason}: the rate and latency the model pipeline must sustain");
            return null;
        }

        var requirement = entry.For(node);
        KpiRules.UnknownKeys(requirement, "requirement", ["inputsPerSecond", "inferenceP95Ms", "reason"]);
        var rate = requirement.Number("inputsPerSecond", true);
        var p95 = requirement.Number("inferenceP95Ms", true);
        var reason = requirement.Required("reason");
        foreach (var (key, value) in new[] { ("inputsPerSecond", rate), ("inferenceP95Ms", p95) })
        {
            if (value is <= 0)
            {
                requirement.Error(requirement.Find(key)!.Start.Line, $"requirement.{key} must be over 0, not {value}");
            }
        }

        if (rate is > 0 && p95 is > 0 && p95 > 1000 / rate)
        {
            requirement.Error(requirement.Find("inferenceP95Ms")!.Start.Line,
                $"requirement.inferenceP95Ms ({p95}) is beyond the input interval at {rate} inputs/s ({1000 / rate:0.###} ms): the model could not keep up");
        }

        return rate is > 0 && p95 is > 0 && reason is not null && p95 <= 1000 / rate ? new OperatingRequirement(rate.Value, p95.Value, reason) : null;
    }
}
