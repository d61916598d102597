using System.Security.Cryptography;
using System.Text;
using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.Scenarios.Types;

namespace GzAiEdge.Scenarios.Programmes;

/// <summary>
/// Loads the catalogue and the type folder and checks each scenario against its type, reporting
/// catalogue file:line for: unknown type, sector different from the type's, a KPI override not in
/// the type, an override whose target is not on the better side of its threshold or that moves either without a
/// reason, an override that weights a KPI no score may use, effective weights (with the outcome's) not summing to 100,
/// missing sites or period (evaluation needs both), and a declared outcome that does not fit (<see cref="OutcomeChecks"/>).
/// </summary>
public static class ProgrammeLoader
{
    /// <summary>The type folder used when none is given: <c>types/</c> beside the catalogue.</summary>
    public static string DefaultTypesFolder(string cataloguePath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(cataloguePath)) ?? ".", "types");

    /// <summary>Loads and checks; throws <see cref="CatalogueException"/> listing every problem found.</summary>
    public static Programme Load(string cataloguePath, string typesFolder)
    {
        var catalogue = CatalogueLoader.Load(cataloguePath);
        var types = ScenarioTypeLoader.LoadFolder(typesFolder);
        var byId = types.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var errors = new List<string>();
        foreach (var scenario in catalogue.All.OrderBy(s => s.Line))
        {
            Check(scenario, byId, catalogue, cataloguePath, errors);
        }

        if (errors.Count > 0)
        {
            throw new CatalogueException(string.Join(Environment.NewLine, errors));
        }

        var typeFiles = Directory.GetFiles(typesFolder, "*.yaml").Order(StringComparer.Ordinal);
        return new Programme(catalogue, types, Hash([File.ReadAllBytes(cataloguePath)]),
            Hash(typeFiles.SelectMany(f => new[] { Encoding.UTF8.GetBytes(Path.GetFileName(f) + "\n"), File.ReadAllBytes(f) })));
    }

    private static void Check(Scenario scenario, Dictionary<string, ScenarioType> types, ScenarioCatalogue catalogue, string source, List<string> errors)
    {
        void Error(long line, string message) => errors.Add($"{source}:{line}: scenario '{scenario.Id}': {message}");

        if (scenario.Sites.Count == 0)
        {
            Error(scenario.Line, "missing 'sites' (the sites and devices whose reports count)");
        }

        if (scenario.Period is null)
        {
            Error(scenario.Line, "missing 'period' {from, to}");
        }

        if (!types.TryGetValue(scenario.Type, out var type))
        {
            Error(scenario.Line, $"unknown type '{scenario.Type}' (known: {string.Join(", ", types.Keys.Order(StringComparer.Ordinal))})");
            return;
        }

        if (type.Sector != scenario.Sector)
        {
            Error(scenario.Line, $"sector '{scenario.SectorTag}' differs from type '{type.Id}' sector '{type.Sector.ToString().ToLowerInvariant()}'");
        }

        var kpis = type.Kpis.ToDictionary(k => k.Key, StringComparer.Ordinal);
        var weights = type.Kpis.ToDictionary(k => k.Key, k => k.Weight, StringComparer.Ordinal);
        foreach (var o in scenario.KpiOverrides)
        {
            if (!kpis.TryGetValue(o.Key, out var kpi))
            {
                Error(o.Line, $"KPI '{o.Key}' is not in type '{type.Id}' (it has {string.Join(", ", type.Kpis.Select(k => k.Key))})");
                continue;
            }

            if (KpiRubricReader.CheckSides(kpi.Direction, o.Threshold ?? kpi.Threshold, o.Target ?? kpi.Target) is { } why)
            {
                Error(o.Line, $"KPI '{o.Key}': {why}");
            }

            if ((o.Threshold is not null || o.Target is not null) && o.Reason is null)
            {
                Error(o.Line, $"KPI '{o.Key}': a scenario's own threshold or target needs a 'reason' (one line: why it differs from type '{type.Id}')");
            }

            if (o.Weight is { } w)
            {
                weights[o.Key] = w;
                if (w < 0)
                {
                    Error(o.Line, $"KPI '{o.Key}': weight must be ≥ 0, not {w}");
                }
                else if (kpi.Definition is { } definition && KpiRules.CheckWeight(definition, w, type.Pipeline) is { } unscorable)
                {
                    Error(o.Line, unscorable);
                }
            }
        }

        OutcomeChecks.Check(scenario, type, types, catalogue, Error);
        var whose = scenario.Outcome is null ? "KPI weights with this scenario's overrides" : "KPI weights with this scenario's overrides and its outcome's";
        if (KpiRubricReader.CheckWeights([.. weights.Values, scenario.Outcome?.Weight ?? 0], whose) is { } wrongSum)
        {
            Error(scenario.Line, wrongSum);
        }
    }

    private static string Hash(IEnumerable<byte[]> parts)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in parts)
        {
            sha.AppendData(part);
        }

        return "sha256:" + Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
    }
}
