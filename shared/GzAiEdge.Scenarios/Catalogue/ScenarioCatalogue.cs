using System.Diagnostics.CodeAnalysis;

namespace GzAiEdge.Scenarios.Catalogue;

/// <summary>The programme's scenarios by id.</summary>
public sealed class ScenarioCatalogue
{
    private readonly Dictionary<string, Scenario> _byId;

    /// <summary>Creates a catalogue; ids must be unique (the loader checks this with line numbers).</summary>
    public ScenarioCatalogue(IEnumerable<Scenario> scenarios)
    {
        _byId = scenarios.ToDictionary(s => s.Id, StringComparer.Ordinal);
    }

    /// <summary>All scenarios, in id order.</summary>
    public IReadOnlyList<Scenario> All => [.. _byId.Values.OrderBy(s => s.Id, StringComparer.Ordinal)];

    /// <summary>Looks a scenario up by id.</summary>
    public bool TryGet(string id, [NotNullWhen(true)] out Scenario? scenario) => _byId.TryGetValue(id, out scenario);
}
