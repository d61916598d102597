namespace GzAiEdge.Contracts.Evidence;

/// <summary>
/// A device's answer for one item an <c>evidence.fetch</c> asked for: the input its pipeline ran and the outputs it
/// produced, bound to the report of the window it fell in (<see cref="Seq"/>, <see cref="ReportHash"/>) and to the
/// command (<see cref="Nonce"/>), signed with the device key over <see cref="Signing.CanonicalBytes"/>. When the device
/// can no longer produce the item, <see cref="Missing"/> says why and the input and outputs are absent; that answer is
/// signed too, and the item counts against the device.
/// </summary>
public sealed record EvidenceUpload
{
    /// <summary>Contract version.</summary>
    public required int V { get; init; }

    /// <summary>The sampled item's id, as the command named it.</summary>
    public required string Item { get; init; }

    /// <summary>Site id of the device.</summary>
    public required string Site { get; init; }

    /// <summary>Device id.</summary>
    public required string Device { get; init; }

    /// <summary>The command's nonce: an upload answers exactly one request.</summary>
    public required string Nonce { get; init; }

    /// <summary>Seq of the report of the window the input fell in.</summary>
    public required long Seq { get; init; }

    /// <summary>SHA-256 (hex) of that report's canonical bytes, as the command named it: the chain link the evidence belongs to.</summary>
    public required string ReportHash { get; init; }

    /// <summary><c>positive</c> or <c>negative</c>: the stratum of the device's outputs the item was drawn from.</summary>
    public required string Stratum { get; init; }

    /// <summary>Inputs of that stratum the ring held for the window: the draw picked index ⌊draw × count⌋ of them, oldest first.</summary>
    public required int Count { get; init; }

    /// <summary>When the input was read (UTC); null with <see cref="Missing"/>.</summary>
    public DateTimeOffset? Time { get; init; }

    /// <summary>How the input is stored; null with <see cref="Missing"/>.</summary>
    public EvidenceShape? Shape { get; init; }

    /// <summary>SHA-256 (hex) of the input bytes; null with <see cref="Missing"/>.</summary>
    public string? InputSha256 { get; init; }

    /// <summary>The input bytes, base64; null with <see cref="Missing"/>.</summary>
    public string? Input { get; init; }

    /// <summary>What the pipeline produced for the input; null with <see cref="Missing"/>.</summary>
    public EvidenceOutputs? Outputs { get; init; }

    /// <summary>Why the device cannot produce the item (evicted from its ring, never kept); null when it can.</summary>
    public string? Missing { get; init; }

    /// <summary>Id of the device key that signed it.</summary>
    public string? Kid { get; init; }

    /// <summary>ECDSA P-256 signature (P1363, base64) over SHA-256 of the canonical bytes.</summary>
    public string? Sig { get; init; }
}
