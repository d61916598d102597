using GzAiEdge.Contracts.Signing;
using GzAiEdge.Contracts.Verification;
using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.TimeSeries;

namespace GzAiEdge.Evaluation;

/// <summary>
/// Evidence from the devices' signed hash chains, so that a score rests on reports no one changed after signing: of the reports stored for a device in
/// the period, how many verify against its public key. Without a key registry nothing can be
/// checked, and the answer is "not checked" (never a pass); a device the registry does not list
/// has no verifiable report, so its stored reports count as checked and not verified.
/// </summary>
public sealed class ChainEvidence(ChainReader reader, string keyRegistryPath) : IEvidenceVerifier
{
    public string Method => "hash chain and ECDSA P-256 signatures against the key registry";

    public async Task<EvidenceSummary?> VerifyAsync(string scenario, string site, string device, DemonstrationPeriod period, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(keyRegistryPath);
        if (!File.Exists(path))
        {
            return null;
        }

        using var registry = DeviceKeyRegistry.Load(path);
        if (registry.Find(site, device) is not { } key)
        {
            var stored = await reader.ReportsAsync(site, device, period.From, period.To, cancellationToken);
            return new EvidenceSummary(0, stored.Count);
        }

        var (result, reports) = await reader.VerifyAsync(site, device, period.From, period.To, key, cancellationToken);
        return new EvidenceSummary(result.Verified, reports);
    }
}
