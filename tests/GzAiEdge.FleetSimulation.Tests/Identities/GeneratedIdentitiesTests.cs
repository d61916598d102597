using GzAiEdge.Contracts.Signing;
using GzAiEdge.FleetSimulation.Identities;
using GzAiEdge.Testing;

namespace GzAiEdge.FleetSimulation.Tests.Identities;

public sealed class GeneratedIdentitiesTests
{
    [Fact]
    public void A_second_run_signs_with_the_keys_of_the_first_and_the_registry_lists_every_device()
    {
        using var folder = new TempFolder("gz-fleet-keys");
        var layout = new FleetLayout(Programmes.Catalogue.Catalogue);

        var first = GeneratedIdentities.Load(layout, 3, folder.Path);
        var second = GeneratedIdentities.Load(layout, 5, folder.Path);

        Assert.Equal(first.Select(i => i.Signer.Kid), second.Take(3).Select(i => i.Signer.Kid));
        Assert.Equal(["fleet-00001", "fleet-00002", "fleet-00003", "fleet-00004", "fleet-00005"], second.Select(i => i.Device));
        using var registry = DeviceKeyRegistry.Load(folder.File(GeneratedIdentities.RegistryFile));
        Assert.All(second, i => Assert.NotNull(registry.Find(i.Site, i.Device)));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(folder.File(GeneratedIdentities.KeysFile)));
        }

        foreach (var identity in first.Concat(second))
        {
            identity.Dispose();
        }
    }

    [Fact]
    public void Devices_keep_their_scenario_by_number_whoever_names_them()
    {
        var layout = new FleetLayout(Programmes.Catalogue.Catalogue);
        var (site, scenario) = layout.Place(41);

        Assert.Equal(scenario, layout.ScenarioOf(site, FleetLayout.DeviceId(41)));
        Assert.Equal(Programmes.Catalogue.Catalogue.All[41 % Programmes.Catalogue.Catalogue.All.Count], scenario);
    }
}
