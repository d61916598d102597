namespace GzAiEdge.Contracts.Verification;

/// <summary>What the verifier concluded about one sequence number of a device's chain.</summary>
public enum ChainFinding
{
    /// <summary>Signed by the device's key, unchanged since signing, linked to its predecessor, in time order.</summary>
    Verified,

    /// <summary>Signed with the device's key id, but the content no longer matches the signature or the hash ingestion stored.</summary>
    Altered,

    /// <summary>Expected (below the chain head the device attested or reported) but not stored.</summary>
    Missing,

    /// <summary>Genuine, but its window does not come after its predecessor's.</summary>
    Reordered,

    /// <summary>Genuine, but from another history of the device: its seq was taken by another signed report, or it does not link to its predecessor.</summary>
    Replayed,

    /// <summary>Signed with a key that is not the device's.</summary>
    Injected,

    /// <summary>Carries no signature.</summary>
    Unsigned,
}

/// <summary>Consecutive sequence numbers with the same finding and reason.</summary>
/// <param name="Finding">What was found.</param>
/// <param name="FirstSeq">First sequence number of the range.</param>
/// <param name="LastSeq">Last sequence number of the range (inclusive).</param>
/// <param name="Reason">Why, in words.</param>
public sealed record ChainRange(ChainFinding Finding, long FirstSeq, long LastSeq, string Reason);
