using GzAiEdge.Scenarios.Catalogue;

namespace GzAiEdge.Access.Scoping;

/// <summary>
/// Who owns what, as the catalogue says: each scenario's provider, the scenarios a provider runs, and the scenarios a
/// site or a listed device reports for. Built once from the catalogue (it is fixed for the life of the process).
/// </summary>
public sealed class ScenarioIndex
{
    private readonly Dictionary<string, string?> _providerOf = new(StringComparer.Ordinal);
    private readonly ILookup<string, string> _byProvider;
    private readonly ILookup<string, string> _bySite;
    private readonly ILookup<(string Site, string Device), string> _byDevice;

    public ScenarioIndex(ScenarioCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var all = catalogue.All;
        foreach (var s in all)
        {
            _providerOf[s.Id] = s.Provider;
        }

        _byProvider = all.Where(s => s.Provider is not null).ToLookup(s => s.Provider!, s => s.Id, StringComparer.Ordinal);
        _bySite = all.SelectMany(s => s.Sites.Select(site => (site.Site, s.Id))).ToLookup(p => p.Site, p => p.Id, StringComparer.Ordinal);
        _byDevice = all.SelectMany(s => s.Sites.SelectMany(site => site.Devices.Select(d => ((site.Site, d), s.Id)))).ToLookup(p => p.Item1, p => p.Id);
    }

    /// <summary>The scenario's provider (null when the catalogue names none, or does not hold the scenario).</summary>
    public string? ProviderOf(string scenario) => _providerOf.GetValueOrDefault(scenario);

    /// <summary>Every provider the catalogue names.</summary>
    public IEnumerable<string> Providers => _byProvider.Select(g => g.Key);

    public IEnumerable<string> ScenariosOf(string provider) => _byProvider[provider];

    public IEnumerable<string> ScenariosAt(string site) => _bySite[site];

    public IEnumerable<string> ScenariosOfDevice(string site, string device) => _byDevice[(site, device)];
}
