using GzAiEdge.Access.Authorization;

namespace GzAiEdge.Access.Scoping;

/// <summary>
/// What one caller may see and touch, decided on the server from their identity alone. Admins, evaluators and viewers
/// see every scenario; a provider sees the scenarios whose catalogue provider is theirs; a site operator sees the
/// scenarios running at their sites (and their sites' devices); a device sees itself. A device belongs to the scenario
/// the catalogue lists it under or the one it reports for. Only admins and a site's operators command its devices.
/// </summary>
public sealed class AccessScope
{
    private readonly ScenarioIndex _index;
    private readonly IObservedDevices? _observed;
    private readonly HashSet<string> _scenarios = new(StringComparer.Ordinal);

    public AccessScope(Caller caller, ScenarioIndex index, IObservedDevices? observed)
    {
        ArgumentNullException.ThrowIfNull(caller);
        Caller = caller;
        _index = index;
        _observed = observed;
        if (caller.Provider is { } provider && caller.Is(Roles.Provider))
        {
            _scenarios.UnionWith(index.ScenariosOf(provider));
        }

        if (caller.Is(Roles.SiteOperator))
        {
            foreach (var site in caller.Sites)
            {
                _scenarios.UnionWith(index.ScenariosAt(site));
                _scenarios.UnionWith(observed?.ScenariosAt(site) ?? []);
            }
        }

        if (caller.IsDevice)
        {
            _scenarios.UnionWith(index.ScenariosOfDevice(caller.Site!, caller.Device!));
            if (observed?.ScenarioOf(caller.Site!, caller.Device!) is { } reported)
            {
                _scenarios.Add(reported);
            }
        }
    }

    public Caller Caller { get; }

    /// <summary>True for admins, evaluators and viewers: nothing is filtered.</summary>
    public bool SeesAll => Caller.SeesEverything;

    /// <summary>The scenarios a scoped caller sees (empty, and unused, when <see cref="SeesAll"/>).</summary>
    public IReadOnlySet<string> Scenarios => _scenarios;

    public bool SeesScenario(string? scenario) => SeesAll || (scenario is not null && _scenarios.Contains(scenario));

    /// <summary>Whether the caller sees a device; <paramref name="scenario"/> is the one a record names, when it names one.</summary>
    public bool SeesDevice(string site, string device, string? scenario = null) =>
        SeesAll
        || (Caller.IsDevice && Caller.Site == site && Caller.Device == device)
        || (Caller.Is(Roles.SiteOperator) && Caller.Sites.Contains(site))
        || (scenario is not null && _scenarios.Contains(scenario))
        || (_observed?.ScenarioOf(site, device) is { } reported && _scenarios.Contains(reported))
        || _index.ScenariosOfDevice(site, device).Any(_scenarios.Contains);

    /// <summary>Whether the caller sees a site: one of theirs, or one where a scenario of theirs runs.</summary>
    public bool SeesSite(string site) =>
        SeesAll || (Caller.Is(Roles.SiteOperator) && Caller.Sites.Contains(site))
        || _index.ScenariosAt(site).Any(_scenarios.Contains) || (_observed?.ScenariosAt(site).Any(_scenarios.Contains) ?? false);

    /// <summary>Only admins, and the operators of the device's site, send a device commands.</summary>
    public bool Commands(string site) => Caller.Is(Roles.Admin) || (Caller.Is(Roles.SiteOperator) && Caller.Sites.Contains(site));

    /// <summary>Whether the caller sees a model owned by <paramref name="owner"/> (a provider; null: the programme's own).</summary>
    public bool SeesModel(string? owner) =>
        SeesAll || (owner is not null && ((owner == Caller.Provider && Caller.Is(Roles.Provider)) || _scenarios.Any(s => _index.ProviderOf(s) == owner)));

    /// <summary>The request's scope, made once per request from its principal.</summary>
    public static AccessScope Of(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Items[typeof(AccessScope)] is not AccessScope scope)
        {
            var services = http.RequestServices;
            scope = new AccessScope(Caller.From(http.User), services.GetRequiredService<ScenarioIndex>(), services.GetService<IObservedDevices>());
            http.Items[typeof(AccessScope)] = scope;
        }

        return scope;
    }
}
