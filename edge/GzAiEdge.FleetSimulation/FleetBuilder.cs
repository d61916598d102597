using GzAiEdge.FleetSimulation.Devices;
using GzAiEdge.FleetSimulation.Identities;
using GzAiEdge.FleetSimulation.Kpis;
using GzAiEdge.Scenarios.Programmes;

namespace GzAiEdge.FleetSimulation;

/// <summary>Builds the simulated devices a run asks for: identities, KPI models, chains continued from the state folder.</summary>
public static class FleetBuilder
{
    /// <summary>The edge default (BrokerOptions.KeepAliveSeconds).</summary>
    public const int KeepAliveSeconds = 30;

    public static Programme LoadProgramme(string catalogue) => ProgrammeLoader.Load(catalogue, ProgrammeLoader.DefaultTypesFolder(catalogue));

    public static List<FleetIdentity> Identities(FleetOptions options, Programme programme)
    {
        var layout = new FleetLayout(programme.Catalogue);
        return options.Credentials is { } folder
            ? ProvisionedIdentities.Load(layout, options.Devices, folder)
            : GeneratedIdentities.Load(layout, options.Devices, options.State);
    }

    public static List<SimulatedDevice> Devices(FleetOptions options, Programme programme, IReadOnlyList<FleetIdentity> identities,
        ChainStore chains, FleetCounters counters, TimeProvider time)
    {
        // TLS unless asked otherwise, as for a real device (Broker:AllowPlaintext).
        if (!options.AllowPlaintext && identities.FirstOrDefault(i => (i.CaFile ?? options.CaFile) is null) is { } plain)
        {
            throw new InvalidOperationException($"{plain.Site}/{plain.Device} would connect to {options.Host}:{options.Port} without TLS: "
                + "pass --ca FILE or --credentials with a gz provision folder, or --allow-plaintext to connect without TLS");
        }

        var heads = chains.Load();
        var settings = new FleetDeviceSettings(options.Host, options.Port, options.CaFile, KeepAliveSeconds, options.CheckpointEvery, time);
        var now = time.GetUtcNow();
        return [.. identities.Select((identity, i) => new SimulatedDevice(
            identity,
            new DeviceKpis(programme, identity.Scenario, Seed(identity.Device), options.Window, now),
            heads.GetValueOrDefault((identity.Site, identity.Device), ChainHead.Start),
            FleetModels.For(programme.TypeOf(identity.Scenario).Pipeline),
            counters,
            settings))];
    }

    /// <summary>A seed from the device id, the same in every run and process (string.GetHashCode is not).</summary>
    public static int Seed(string device)
    {
        var hash = 17;
        foreach (var c in device)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }
}
