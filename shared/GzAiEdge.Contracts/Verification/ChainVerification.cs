namespace GzAiEdge.Contracts.Verification;

/// <summary>
/// The verifier's answer for one device over one period: counts per finding, the ranges behind
/// them, and the share of expected reports that verified. Evaluation uses
/// <see cref="VerifiedShare"/> as the "verified share" gate and <see cref="Missing"/> for completeness.
/// </summary>
public sealed record ChainVerification
{
    /// <summary>Site id.</summary>
    public required string Site { get; init; }

    /// <summary>Device id.</summary>
    public required string Device { get; init; }

    /// <summary>Start of the period (inclusive, by window end).</summary>
    public required DateTimeOffset From { get; init; }

    /// <summary>End of the period (exclusive, by window end).</summary>
    public required DateTimeOffset To { get; init; }

    /// <summary>First expected sequence number: one after the last stored before the period, else 1.</summary>
    public required long FirstSeq { get; init; }

    /// <summary>Last expected sequence number: the highest stored or attested by a valid checkpoint in the period.</summary>
    public required long LastSeq { get; init; }

    /// <summary>Reports expected in the period (<see cref="LastSeq"/> − <see cref="FirstSeq"/> + 1, or 0).</summary>
    public required long Expected { get; init; }

    /// <summary>Reports that verified.</summary>
    public required long Verified { get; init; }

    /// <summary>Reports whose content changed after signing or after storing.</summary>
    public required long Altered { get; init; }

    /// <summary>Expected sequence numbers with no stored report.</summary>
    public required long Missing { get; init; }

    /// <summary>Genuine reports out of time order.</summary>
    public required long Reordered { get; init; }

    /// <summary>Genuine reports from another history of the device.</summary>
    public required long Replayed { get; init; }

    /// <summary>Reports signed with another key.</summary>
    public required long Injected { get; init; }

    /// <summary>Reports without a signature.</summary>
    public required long Unsigned { get; init; }

    /// <summary>Checkpoints whose signature verified.</summary>
    public required long CheckpointsVerified { get; init; }

    /// <summary>Checkpoints that did not verify or contradict a stored report.</summary>
    public required long CheckpointsFailed { get; init; }

    /// <summary>The highest seq a verified checkpoint attests, if any.</summary>
    public long? AttestedHead { get; init; }

    /// <summary><see cref="Verified"/> / <see cref="Expected"/> (0 when nothing was expected).</summary>
    public double VerifiedShare => Expected == 0 ? 0 : (double)Verified / Expected;

    /// <summary>Every finding other than <see cref="ChainFinding.Verified"/>, as merged ranges in seq order.</summary>
    public required IReadOnlyList<ChainRange> Problems { get; init; }
}
