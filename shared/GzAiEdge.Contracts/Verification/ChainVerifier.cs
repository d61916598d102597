using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;

namespace GzAiEdge.Contracts.Verification;

/// <summary>
/// Checks one device's hash chain over a period with only its public key, so that a third party can repeat it. Pure
/// and deterministic: the caller reads the stored reports and checkpoints, this decides per seq.
/// </summary>
public static class ChainVerifier
{
    /// <param name="site">Site id.</param>
    /// <param name="device">Device id.</param>
    /// <param name="from">Period start (inclusive).</param>
    /// <param name="to">Period end (exclusive).</param>
    /// <param name="lastSeqBefore">The highest seq stored before <paramref name="from"/>, or null when none.</param>
    /// <param name="reports">The reports stored in the period, in any order.</param>
    /// <param name="checkpoints">The checkpoints stored in the period.</param>
    /// <param name="key">The device's public key.</param>
    public static ChainVerification Verify(string site, string device, DateTimeOffset from, DateTimeOffset to, long? lastSeqBefore,
        IReadOnlyList<StoredReport> reports, IReadOnlyList<Checkpoint> checkpoints, SignatureCheck key)
    {
        var findings = new List<(long Seq, ChainFinding Finding, string Reason)>();
        var genuine = new List<(KpiReport Report, string Hash)>();
        foreach (var stored in reports)
        {
            var hash = ChainHash.Of(stored.Report);
            if (Authenticity(stored, hash, key) is { } problem)
            {
                findings.Add((stored.Report.Seq, problem.Finding, problem.Reason));
            }
            else
            {
                genuine.Add((stored.Report, hash));
            }
        }

        findings.AddRange(Ordering(genuine));
        var (checkpointsVerified, checkpointsFailed, attested) = CheckCheckpoints(checkpoints, genuine, key);
        var first = (lastSeqBefore ?? 0) + 1;
        var last = Math.Max(reports.Count == 0 ? 0 : reports.Max(r => r.Report.Seq), attested ?? 0);
        var present = reports.Select(r => r.Report.Seq).ToHashSet();
        for (var seq = first; seq <= last; seq++)
        {
            if (!present.Contains(seq))
            {
                findings.Add((seq, ChainFinding.Missing, "no report stored for this seq"));
            }
        }

        long Count(ChainFinding f) => findings.Count(x => x.Finding == f);
        return new ChainVerification
        {
            Site = site,
            Device = device,
            From = from,
            To = to,
            FirstSeq = first,
            LastSeq = last,
            Expected = Math.Max(0, last - first + 1),
            Verified = Count(ChainFinding.Verified),
            Altered = Count(ChainFinding.Altered),
            Missing = Count(ChainFinding.Missing),
            Reordered = Count(ChainFinding.Reordered),
            Replayed = Count(ChainFinding.Replayed),
            Injected = Count(ChainFinding.Injected),
            Unsigned = Count(ChainFinding.Unsigned),
            CheckpointsVerified = checkpointsVerified,
            CheckpointsFailed = checkpointsFailed,
            AttestedHead = attested,
            Problems = Merge(findings.Where(f => f.Finding != ChainFinding.Verified)),
        };
    }

    /// <summary>
    /// The part of <see cref="Verify"/> that concerns one report alone: its chain hash and whether it is genuine
    /// (<see cref="ChainFinding.Verified"/>) or <see cref="ChainFinding.Altered"/>, <see cref="ChainFinding.Injected"/> or
    /// <see cref="ChainFinding.Unsigned"/>. It does not depend on the period, so an incremental verifier can keep it.
    /// </summary>
    /// <param name="stored">The stored report.</param>
    /// <param name="key">The device's public key.</param>
    public static (string Hash, ChainFinding Finding) Check(StoredReport stored, SignatureCheck key)
    {
        var hash = ChainHash.Of(stored.Report);
        return (hash, Authenticity(stored, hash, key)?.Finding ?? ChainFinding.Verified);
    }

    private static (ChainFinding Finding, string Reason)? Authenticity(StoredReport stored, string hash, SignatureCheck key)
    {
        var report = stored.Report;
        if (report.Sig is null)
        {
            return (ChainFinding.Unsigned, "no signature");
        }

        if (report.Kid != key.Kid)
        {
            return (ChainFinding.Injected, $"signed with key '{report.Kid}', not the device's key '{key.Kid}'");
        }

        if (stored.ReceivedHash is { } received && received != hash)
        {
            return (ChainFinding.Altered, "the stored values differ from the report ingestion received (changed at rest)");
        }

        return key.Verify(hash, report.Sig)
            ? null
            : (ChainFinding.Altered, "the content does not match its signature (changed after the device signed it)");
    }

    // Among genuine reports: one per seq (the one its successor links to), linked to its predecessor, in time order.
    private static IEnumerable<(long, ChainFinding, string)> Ordering(List<(KpiReport Report, string Hash)> genuine)
    {
        var bySeq = genuine.GroupBy(g => g.Report.Seq).OrderBy(g => g.Key).ToList();
        var prevOf = genuine.Where(g => g.Report.Prev is not null).Select(g => g.Report.Prev!).ToHashSet();
        (KpiReport Report, string Hash)? before = null;
        foreach (var group in bySeq)
        {
            var candidates = group.OrderByDescending(g => prevOf.Contains(g.Hash))
                .ThenByDescending(g => before is { } b && g.Report.Prev == b.Hash)
                .ThenBy(g => g.Report.WindowEnd).ToList();
            var chosen = candidates[0];
            for (var i = 1; i < candidates.Count; i++)
            {
                yield return (group.Key, ChainFinding.Replayed, "another signed report holds this seq (a copy from another history of the device)");
            }

            if (before is { } p && p.Report.Seq == group.Key - 1 && chosen.Report.Prev is { } link && link != p.Hash)
            {
                yield return (group.Key, ChainFinding.Replayed, "does not link to the report before it (prev differs from its hash)");
            }
            else if (before is { } q && chosen.Report.WindowEnd <= q.Report.WindowEnd)
            {
                yield return (group.Key, ChainFinding.Reordered, "its window does not end after the window of the report before it");
            }
            else
            {
                yield return (group.Key, ChainFinding.Verified, string.Empty);
            }

            before = chosen;
        }
    }

    private static (long Verified, long Failed, long? Attested) CheckCheckpoints(IReadOnlyList<Checkpoint> checkpoints,
        List<(KpiReport Report, string Hash)> genuine, SignatureCheck key)
    {
        long verified = 0, failed = 0;
        long? attested = null;
        var hashes = genuine.ToLookup(g => g.Report.Seq, g => g.Hash);
        foreach (var checkpoint in checkpoints)
        {
            var hash = ChainHash.Of(checkpoint);
            var contradicted = hashes[checkpoint.Seq].Any() && !hashes[checkpoint.Seq].Contains(checkpoint.Head);
            if (checkpoint.Sig is null || checkpoint.Kid != key.Kid || !key.Verify(hash, checkpoint.Sig) || contradicted)
            {
                failed++;
                continue;
            }

            verified++;
            attested = Math.Max(attested ?? 0, checkpoint.Seq);
        }

        return (verified, failed, attested);
    }

    private static List<ChainRange> Merge(IEnumerable<(long Seq, ChainFinding Finding, string Reason)> findings)
    {
        var ranges = new List<ChainRange>();
        foreach (var (seq, finding, reason) in findings.OrderBy(f => f.Seq).ThenBy(f => f.Finding))
        {
            if (ranges.Count > 0 && ranges[^1] is var last && last.Finding == finding && last.Reason == reason && last.LastSeq + 1 == seq)
            {
                ranges[^1] = last with { LastSeq = seq };
            }
            else
            {
                ranges.Add(new ChainRange(finding, seq, seq, reason));
            }
        }

        return ranges;
    }
}
