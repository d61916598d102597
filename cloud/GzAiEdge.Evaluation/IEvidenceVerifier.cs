using GzAiEdge.Scenarios.Catalogue;

namespace GzAiEdge.Evaluation;

/// <summary>
/// The evidence seam: how many of a device's reports in a period are proven authentic (signature
/// and hash chain). <see cref="ChainEvidence"/> checks them against the key registry; without one,
/// <see cref="EvidenceNotChecked"/> answers null and the verified-share gate is not evaluated.
/// </summary>
public interface IEvidenceVerifier
{
    /// <summary>Describes the method in reports, e.g. "not checked" or "hash chain v1".</summary>
    string Method { get; }

    /// <summary>The device's verified and checked report counts, or null when evidence is not checked.</summary>
    Task<EvidenceSummary?> VerifyAsync(string scenario, string site, string device, DemonstrationPeriod period, CancellationToken cancellationToken);
}

/// <param name="Verified">Reports whose evidence holds.</param>
/// <param name="Checked">Reports examined.</param>
public sealed record EvidenceSummary(long Verified, long Checked);

/// <summary>No verifier wired: every answer is "not checked", never a pass.</summary>
public sealed class EvidenceNotChecked : IEvidenceVerifier
{
    /// <summary>What an evaluation says of its evidence when none was checked.</summary>
    public const string Description = "evidence not checked";

    public string Method => Description;

    public Task<EvidenceSummary?> VerifyAsync(string scenario, string site, string device, DemonstrationPeriod period, CancellationToken cancellationToken) =>
        Task.FromResult<EvidenceSummary?>(null);
}
