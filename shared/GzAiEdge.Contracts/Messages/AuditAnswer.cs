namespace GzAiEdge.Contracts.Messages;

/// <summary>
/// A device's answer to an audit: the raw outputs of its pipeline for every item, in the order it ran them, the model
/// it ran them through and each run's latency, bound to the audit's nonce and signed with the device key
/// (<see cref="Signing.DeviceSigner"/>). The device never sees the labels; the cloud scores the outputs against them.
/// Posted to <c>POST /api/v1/audits/{audit}/answers/{site}/{device}</c>.
/// </summary>
public sealed record AuditAnswer
{
    /// <summary>Contract version.</summary>
    public required int V { get; init; }

    /// <summary>The audit run answered.</summary>
    public required string Audit { get; init; }

    /// <summary>Site id of the device.</summary>
    public required string Site { get; init; }

    /// <summary>Device id.</summary>
    public required string Device { get; init; }

    /// <summary>The nonce of the audit manifest the device ran.</summary>
    public required string Nonce { get; init; }

    /// <summary>SHA-256 of the inputs file the device ran.</summary>
    public required string Inputs { get; init; }

    /// <summary>The model every item ran through: the one installed when the audit ran.</summary>
    public required ModelInfo Model { get; init; }

    /// <summary>
    /// The pipeline's configured operating threshold: the detector's score threshold, the classifier's decision threshold
    /// or the autoencoder's anomaly threshold. Decisions in the items are taken at it.
    /// </summary>
    public required double Threshold { get; init; }

    /// <summary>When the first item ran (UTC).</summary>
    public required DateTimeOffset Started { get; init; }

    /// <summary>When the last item ran (UTC).</summary>
    public required DateTimeOffset Finished { get; init; }

    /// <summary>One answer per item of the inputs file, in the order the device ran them.</summary>
    public required IReadOnlyList<AuditItemAnswer> Items { get; init; }

    /// <summary>Id of the device key that signed it.</summary>
    public string? Kid { get; init; }

    /// <summary>ECDSA P-256 signature (P1363, base64) over SHA-256 of the canonical bytes of everything else.</summary>
    public string? Sig { get; init; }
}

/// <summary>
/// The pipeline's raw outputs for one item: <see cref="Boxes"/> from a detector; <see cref="Scores"/> and
/// <see cref="Decision"/> from a classifier; <see cref="Error"/> and <see cref="Decision"/> from an autoencoder;
/// <see cref="Windows"/> from a series classifier.
/// </summary>
public sealed record AuditItemAnswer
{
    /// <summary>The item's id in the inputs file.</summary>
    public required string Id { get; init; }

    /// <summary>Milliseconds of each model run the item took (one for an image or window, one per window of a series).</summary>
    public required IReadOnlyList<double> LatencyMs { get; init; }

    /// <summary>Detections, best first, down to the audit's score floor (below the operating threshold, so that AP sees the whole curve).</summary>
    public IReadOnlyList<AuditBox>? Boxes { get; init; }

    /// <summary>Class probabilities, in the model's class order.</summary>
    public IReadOnlyList<double>? Scores { get; init; }

    /// <summary>The class decided at the operating threshold (for an autoencoder, 1 when anomalous).</summary>
    public int? Decision { get; init; }

    /// <summary>Reconstruction error (mean squared) of an autoencoder.</summary>
    public double? Error { get; init; }

    /// <summary>Each window a series classifier ran, in order.</summary>
    public IReadOnlyList<AuditWindow>? Windows { get; init; }
}

/// <summary>A detection in the item's pixels: the class as the pipeline counts it (<c>vehicle</c>, <c>pedestrian</c>), its score and box.</summary>
public sealed record AuditBox(string Class, double Score, double X1, double Y1, double X2, double Y2);

/// <summary>One window of a series: samples [<see cref="Start"/>, <see cref="End"/>), class probabilities, the decision and whether it raised an alert.</summary>
public sealed record AuditWindow(int Start, int End, IReadOnlyList<double> Scores, int Decision, bool Alert);
