namespace GzAiEdge.Contracts.Messages;

/// <summary>
/// The KPIs one device computed over one window. Built once on the edge, stored once in the
/// outbox, written once (idempotently) in the cloud: the InfluxDB point is keyed by the tags and
/// <see cref="WindowEnd"/>, so a redelivered report lands on the same point.
/// </summary>
public sealed record KpiReport : IDeviceMessage
{
    /// <summary>Contract version; see <see cref="ContractVersion"/>.</summary>
    public required int V { get; init; }

    /// <summary>Site id, equal to the site level of the topic.</summary>
    public required string Site { get; init; }

    /// <summary>Device id, equal to the device level of the topic.</summary>
    public required string Device { get; init; }

    /// <summary>Scenario (demonstration) id from the catalogue.</summary>
    public required string Scenario { get; init; }

    /// <summary>Per-device sequence number, gap-free from 1 across restarts.</summary>
    public required long Seq { get; init; }

    /// <summary>Start of the window (UTC, inclusive).</summary>
    public required DateTimeOffset WindowStart { get; init; }

    /// <summary>End of the window (UTC, exclusive); the InfluxDB timestamp.</summary>
    public required DateTimeOffset WindowEnd { get; init; }

    /// <summary>KPI name to value; names are lower snake case, values finite.</summary>
    public required IReadOnlyDictionary<string, double> Kpis { get; init; }

    /// <summary>The model that produced the KPIs, when a model did.</summary>
    public ModelInfo? Model { get; init; }

    /// <summary>
    /// The hash chain link: SHA-256 (lowercase hex) of the canonical bytes of this device's report
    /// <c>seq - 1</c>, or <see cref="Signing.ChainHash.Genesis"/> for <c>seq</c> 1. Null from devices that do not chain.
    /// </summary>
    public string? Prev { get; init; }

    /// <summary>Id of the key that signed the report (<see cref="Signing.KeyId"/>); null when unsigned.</summary>
    public string? Kid { get; init; }

    /// <summary>
    /// ECDSA P-256 signature (IEEE P1363 r‖s, base64) over SHA-256 of the canonical bytes of
    /// everything else (<see cref="Signing.CanonicalBytes"/>); null when the device does not sign.
    /// </summary>
    public string? Sig { get; init; }
}
