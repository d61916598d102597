namespace GzAiEdge.Contracts.Messages;

/// <summary>
/// What the programme operator vouches for about one model file: its name, version and version number, the pipeline
/// it is for, its SHA-256 and size, and until when it may be installed, signed with the programme's ECDSA P-256 key
/// (<see cref="Signing.ProgrammeSigner"/>). The cloud's model repository keeps it
/// beside the file (<c>{name}/{version}/manifest.json</c>); a device installs a model only when the manifest
/// verifies with the programme's public key and the downloaded bytes match it
/// (<see cref="Validation.ModelManifestValidator"/>).
/// </summary>
public sealed record ModelManifest
{
    /// <summary>Contract version.</summary>
    public required int V { get; init; }

    /// <summary>Model name (<see cref="Validation.ModelManifestValidator.CheckName"/>), reported as the KPI reports' <c>model.name</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Model version (<see cref="Validation.ModelManifestValidator.CheckVersion"/>), reported as <c>model.version</c>.</summary>
    public required string Version { get; init; }

    /// <summary>
    /// The version as a number that only grows from one release of a model to the next: a device installs only a
    /// manifest with a higher number than the model it runs, unless <see cref="Downgrade"/> is signed.
    /// </summary>
    public required long VersionNumber { get; init; }

    /// <summary>The edge pipeline the model is for (<c>pipeline: kind</c> of a device config, e.g. <c>traffic-detection</c>); a device running another refuses it.</summary>
    public required string Pipeline { get; init; }

    /// <summary>SHA-256 of the model file, 64 lowercase hex digits, reported as <c>model.sha256</c>.</summary>
    public required string Sha256 { get; init; }

    /// <summary>Size of the model file in bytes.</summary>
    public required long Size { get; init; }

    /// <summary>When the manifest was signed (UTC).</summary>
    public required DateTimeOffset Created { get; init; }

    /// <summary>After this (UTC) no device installs the model: an old signed manifest cannot be brought back forever.</summary>
    public required DateTimeOffset Expires { get; init; }

    /// <summary>
    /// The programme's explicit permission to install this model over one with the same or a higher
    /// <see cref="VersionNumber"/> (rolling back a bad release); false for an ordinary release.
    /// </summary>
    public bool Downgrade { get; init; }

    /// <summary>Id of the programme key that signed it (<see cref="Signing.KeyId"/>).</summary>
    public string? Kid { get; init; }

    /// <summary>ECDSA P-256 signature (P1363, base64) over SHA-256 of the canonical bytes of everything else.</summary>
    public string? Sig { get; init; }
}
