using System.Globalization;
using GzAiEdge.Scenarios.Catalogue;

namespace GzAiEdge.FleetSimulation.Identities;

/// <summary>
/// Which scenario and site each simulated device belongs to. Device <c>fleet-00001</c> reports for the
/// catalogue's first scenario at its first site, <c>fleet-00002</c> for the second, and so on round the
/// catalogue, so that every scenario gets devices and the same id always means the same scenario, in
/// this process, in <c>gz provision</c>'s list and in a later run.
/// </summary>
public sealed class FleetLayout(ScenarioCatalogue catalogue)
{
    public const string DevicePrefix = "fleet-";

    private readonly IReadOnlyList<Scenario> _scenarios = catalogue.All;

    /// <summary>Device id of the device at <paramref name="index"/> (0-based).</summary>
    public static string DeviceId(int index) => $"{DevicePrefix}{index + 1:00000}";

    /// <summary>Site and scenario of the device at <paramref name="index"/>.</summary>
    public (string Site, Scenario Scenario) Place(int index)
    {
        var scenario = _scenarios[index % _scenarios.Count];
        return (scenario.Sites.Count > 0 ? scenario.Sites[0].Site : "fleet", scenario);
    }

    /// <summary>
    /// Scenario, site and id of devices 0 to <paramref name="devices"/> - 1: what the catalogue of the cloud that ingests
    /// the fleet must list (<see cref="CatalogueWriter"/>), since ingestion takes reports only from listed devices.
    /// </summary>
    public IEnumerable<(string Scenario, string Site, string Device)> Listings(int devices) =>
        Enumerable.Range(0, devices).Select(i =>
        {
            var (site, scenario) = Place(i);
            return (scenario.Id, site, DeviceId(i));
        });

    /// <summary>
    /// The scenario of a device named elsewhere (a provisioned folder): a fleet id by its number; another
    /// id by the catalogue entry that lists it, else the first scenario at its site; null when none fits.
    /// </summary>
    public Scenario? ScenarioOf(string site, string device)
    {
        if (device.StartsWith(DevicePrefix, StringComparison.Ordinal)
            && int.TryParse(device.AsSpan(DevicePrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0)
        {
            return Place(number - 1).Scenario;
        }

        return _scenarios.FirstOrDefault(s => s.Sites.Any(x => x.Site == site && x.Devices.Contains(device)))
            ?? _scenarios.FirstOrDefault(s => s.Sites.Any(x => x.Site == site));
    }
}
