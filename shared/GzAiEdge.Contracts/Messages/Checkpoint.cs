namespace GzAiEdge.Contracts.Messages;

/// <summary>
/// A signed statement of a device's chain head: "my report <see cref="Seq"/> has hash
/// <see cref="Head"/>". Published every N reports and at shutdown, so that a verifier can tell
/// reports missing at the end of a period (after the last one stored) from reports never made.
/// </summary>
public sealed record Checkpoint : IDeviceMessage
{
    /// <summary>Contract version.</summary>
    public required int V { get; init; }

    /// <summary>Site id.</summary>
    public required string Site { get; init; }

    /// <summary>Device id.</summary>
    public required string Device { get; init; }

    /// <summary>When the checkpoint was made (UTC); its InfluxDB timestamp.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>The sequence number of the last report built (the chain head).</summary>
    public required long Seq { get; init; }

    /// <summary>SHA-256 (lowercase hex) of the canonical bytes of report <see cref="Seq"/>.</summary>
    public required string Head { get; init; }

    /// <summary>Id of the signing key (<see cref="Signing.KeyId"/>).</summary>
    public string? Kid { get; init; }

    /// <summary>ECDSA P-256 signature (P1363, base64) over SHA-256 of the canonical bytes of everything else.</summary>
    public string? Sig { get; init; }
}
