namespace GzAiEdge.Contracts.Messages;

/// <summary>
/// What one device is asked to run in an audit (EVALUATION.md, "Audit runs"): the audit's inputs (test set, version,
/// pipeline, item count, SHA-256 and size of the inputs file and where to download it), a nonce the answer must carry,
/// the seed of the order the items are run in, and the deadline. The cloud signs it with the programme key
/// (<see cref="Signing.ProgrammeSigner"/>) and sends it as the arguments of an <c>audit.run</c> command
/// (<see cref="Audits.AuditArguments"/>); the device runs it only when it verifies
/// (<see cref="Validation.AuditManifestValidator.Verify"/>), is addressed to it and the deadline has not passed.
/// </summary>
public sealed record AuditManifest
{
    /// <summary>Contract version.</summary>
    public required int V { get; init; }

    /// <summary>The audit run, 32 lowercase hex digits.</summary>
    public required string Audit { get; init; }

    /// <summary>Site id of the device it is for.</summary>
    public required string Site { get; init; }

    /// <summary>Device id of the device it is for.</summary>
    public required string Device { get; init; }

    /// <summary>Name of the test set the inputs come from.</summary>
    public required string TestSet { get; init; }

    /// <summary>Version of the test set.</summary>
    public required string Version { get; init; }

    /// <summary>The pipeline the items are for (<c>traffic-detection</c>, …); a device running another refuses.</summary>
    public required string Pipeline { get; init; }

    /// <summary>Items in the inputs file, repeats included.</summary>
    public required int Items { get; init; }

    /// <summary>SHA-256 of the inputs file (<see cref="Audits.AuditInputs"/>), 64 lowercase hex digits.</summary>
    public required string Sha256 { get; init; }

    /// <summary>Size of the inputs file in bytes.</summary>
    public required long Size { get; init; }

    /// <summary>Where the inputs file is, relative to the cloud API's base address (<c>api/v1/audits/{audit}/inputs</c>).</summary>
    public required string Url { get; init; }

    /// <summary>64 lowercase hex digits the signed answer must carry, so that an answer to another audit or device cannot stand in.</summary>
    public required string Nonce { get; init; }

    /// <summary>Seed of the order the device runs the items in (<see cref="Audits.AuditOrder"/>), 0 to 2^53 - 1.</summary>
    public required long Seed { get; init; }

    /// <summary>The answer must reach the cloud before this (UTC).</summary>
    public required DateTimeOffset Deadline { get; init; }

    /// <summary>When the cloud made it (UTC).</summary>
    public required DateTimeOffset Created { get; init; }

    /// <summary>Id of the key that signed it.</summary>
    public string? Kid { get; init; }

    /// <summary>ECDSA P-256 signature (P1363, base64) over SHA-256 of the canonical bytes of everything else.</summary>
    public string? Sig { get; init; }
}
