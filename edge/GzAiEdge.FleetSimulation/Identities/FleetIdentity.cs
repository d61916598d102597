using GzAiEdge.Contracts.Signing;
using GzAiEdge.Scenarios.Catalogue;

namespace GzAiEdge.FleetSimulation.Identities;

/// <summary>One simulated device: where it reports, for which scenario, as which broker user, and the key it signs with.</summary>
public sealed record FleetIdentity(string Site, string Device, Scenario Scenario, DeviceSigner Signer) : IDisposable
{
    /// <summary>Broker user name (from <c>gz provision</c>), or null for an anonymous broker.</summary>
    public string? Username { get; init; }

    public string? Password { get; init; }

    /// <summary>PEM CA file: the device connects with TLS when set.</summary>
    public string? CaFile { get; init; }

    public void Dispose() => Signer.Dispose();
}
