namespace GzAiEdge.Access.Scoping;

/// <summary>
/// The devices this instance has seen report, and for which scenario: a device the catalogue does not list still
/// belongs to the scenario it reports for. The cloud host gives the live feed's device registry.
/// </summary>
public interface IObservedDevices
{
    /// <summary>The scenario of the device's latest report, or null.</summary>
    string? ScenarioOf(string site, string device);

    /// <summary>The scenarios devices at <paramref name="site"/> report for.</summary>
    IEnumerable<string> ScenariosAt(string site);
}
