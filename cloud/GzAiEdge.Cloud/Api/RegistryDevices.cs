using GzAiEdge.Access.Scoping;
using GzAiEdge.Monitoring.Live;

namespace GzAiEdge.Cloud.Api;

/// <summary>The devices this instance's live feed has seen, for scoping (a device belongs to the scenario it reports for).</summary>
internal sealed class RegistryDevices(DeviceRegistry registry) : IObservedDevices
{
    public string? ScenarioOf(string site, string device) => registry.Find(site, device)?.Scenario;

    public IEnumerable<string> ScenariosAt(string site) =>
        registry.All().Where(d => d.Site == site && d.Scenario is not null).Select(d => d.Scenario!).Distinct(StringComparer.Ordinal);
}
