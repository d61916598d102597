using GzAiEdge.Contracts.Signing;
using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.TimeSeries;

namespace GzAiEdge.Evaluation.Evidence;

/// <summary>
/// The evidence of <see cref="ChainEvidence"/> (the same verified and checked counts) from verified spans kept per device
/// and UTC day, so that each report's signature is checked once, not at every evaluation. Each whole day of the period is
/// taken from the store when its checkpoint (count and seq sum of the day's stored reports, and the key) still matches what
/// InfluxDB holds, and verified again otherwise (a late report, a new key); the period's partial days at its edges are
/// verified from the raw reports. Where spans cannot decide (a seq held by two genuine reports), the full verifier does.
/// </summary>
public sealed class IncrementalChainEvidence(ChainReader reader, EvidenceSpanStore store, KeyRegistryCache keys) : IEvidenceVerifier
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    public string Method => "hash chain and ECDSA P-256 signatures against the key registry";

    public async Task<EvidenceSummary?> VerifyAsync(string scenario, string site, string device, DemonstrationPeriod period, CancellationToken cancellationToken)
    {
        if (keys.Current() is not { } registry)
        {
            return null;
        }

        if (registry.Find(site, device) is not { } key)
        {
            return await new ChainEvidence(reader, keys.Path).VerifyAsync(scenario, site, device, period, cancellationToken);
        }

        var (firstDay, endDay) = (Ceiling(period.From), Floor(period.To));
        var parts = new List<EvidencePart>();
        if (firstDay >= endDay)
        {
            parts.Add(await RawAsync(site, device, period.From, period.To, key, cancellationToken));
        }
        else
        {
            if (period.From < firstDay)
            {
                parts.Add(await RawAsync(site, device, period.From, firstDay, key, cancellationToken));
            }

            parts.AddRange(await DaysAsync(site, device, firstDay, endDay, key, cancellationToken));
            if (endDay < period.To)
            {
                parts.Add(await RawAsync(site, device, endDay, period.To, key, cancellationToken));
            }
        }

        return EvidencePart.Summarize(parts)
            ?? new EvidenceSummary((await reader.VerifyAsync(site, device, period.From, period.To, key, cancellationToken)).Result.Verified, parts.Sum(p => p.Reports));
    }

    /// <summary>
    /// The parts of the whole UTC days in [from, to): stored ones whose checkpoint holds, the rest verified now and stored.
    /// The background indexer calls this for the days just closed, so that an evaluation finds them done.
    /// </summary>
    public async Task<IReadOnlyList<EvidencePart>> DaysAsync(string site, string device, DateTimeOffset from, DateTimeOffset to, SignatureCheck key,
        CancellationToken cancellationToken)
    {
        var stored = await store.ReadAsync(site, device, UnixDay(from), UnixDay(to) - 1, cancellationToken);
        var parts = new List<EvidencePart>();
        foreach (var (day, reports, seqSum) in await reader.DaysAsync(site, device, from, to, cancellationToken))
        {
            if (stored.TryGetValue(UnixDay(day), out var part) && part.Reports == reports && part.SeqSum == seqSum && part.Kid == key.Kid)
            {
                parts.Add(part);
                continue;
            }

            part = await RawAsync(site, device, day, day + Day, key, cancellationToken);
            await store.WriteAsync(site, device, UnixDay(day), part, cancellationToken);
            parts.Add(part);
        }

        return parts;
    }

    private async Task<EvidencePart> RawAsync(string site, string device, DateTimeOffset from, DateTimeOffset to, SignatureCheck key, CancellationToken cancellationToken) =>
        EvidencePart.Build(await reader.ReportsAsync(site, device, from, to, cancellationToken), key);

    private static long UnixDay(DateTimeOffset time) => (long)Math.Floor((time - DateTimeOffset.UnixEpoch) / Day);

    private static DateTimeOffset Floor(DateTimeOffset time) => DateTimeOffset.UnixEpoch + (Day * UnixDay(time));

    private static DateTimeOffset Ceiling(DateTimeOffset time) => Floor(time) == time ? time : Floor(time) + Day;
}
