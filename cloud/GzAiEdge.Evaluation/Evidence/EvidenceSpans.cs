using GzAiEdge.Contracts.Signing;
using GzAiEdge.Contracts.Verification;

namespace GzAiEdge.Evaluation.Evidence;

/// <summary>
/// Consecutive genuine reports of one device (signed with its key, unchanged), each linked to the one before it
/// (its prev is that report's hash, or it has none) and ending after it: every report inside verifies whatever
/// period holds the whole span, so only its ends are needed to decide its first report against the span before.
/// </summary>
/// <param name="FirstSeq">Seq of the first report.</param>
/// <param name="LastSeq">Seq of the last report (inclusive).</param>
/// <param name="FirstPrev">The first report's prev (null when it carries none).</param>
/// <param name="FirstEndNs">The first report's window end, Unix ns.</param>
/// <param name="Head">The chain head: the last report's hash.</param>
/// <param name="LastEndNs">The last report's window end, Unix ns.</param>
public sealed record EvidenceSpan(long FirstSeq, long LastSeq, string? FirstPrev, long FirstEndNs, string Head, long LastEndNs)
{
    public long Count => LastSeq - FirstSeq + 1;
}

/// <summary>
/// What verification found in one part of a period (a UTC day, or the part of one at a period's edge): every report
/// stored there, the seq sum (with the count, the checkpoint that says whether the stored reports changed since), the key
/// checked with, and the genuine reports as spans. Irregular: two genuine reports hold one seq (a replayed history), which
/// only the full verifier can decide.
/// </summary>
public sealed record EvidencePart(long Reports, long SeqSum, string Kid, bool Irregular, IReadOnlyList<EvidenceSpan> Spans)
{
    /// <summary>Checks every report once (the ECDSA work) and folds the genuine ones into spans.</summary>
    public static EvidencePart Build(IReadOnlyList<StoredReport> reports, SignatureCheck key)
    {
        var genuine = new List<(long Seq, string? Prev, long EndNs, string Hash)>(reports.Count);
        long seqSum = 0;
        foreach (var stored in reports)
        {
            seqSum += stored.Report.Seq;
            var (hash, finding) = ChainVerifier.Check(stored, key);
            if (finding == ChainFinding.Verified)
            {
                genuine.Add((stored.Report.Seq, stored.Report.Prev, Ns(stored.Report.WindowEnd), hash));
            }
        }

        genuine.Sort((a, b) => a.Seq.CompareTo(b.Seq));
        var spans = new List<EvidenceSpan>();
        var irregular = false;
        for (var i = 0; i < genuine.Count; i++)
        {
            var g = genuine[i];
            var open = spans.Count > 0 ? spans[^1] : null;
            if (open is not null && g.Seq == open.LastSeq)
            {
                irregular = true;
            }
            else if (open is not null && g.Seq == open.LastSeq + 1 && (g.Prev is null || g.Prev == open.Head) && g.EndNs > open.LastEndNs)
            {
                spans[^1] = open with { LastSeq = g.Seq, Head = g.Hash, LastEndNs = g.EndNs };
            }
            else
            {
                spans.Add(new EvidenceSpan(g.Seq, g.Seq, g.Prev, g.EndNs, g.Hash, g.EndNs));
            }
        }

        return new EvidencePart(reports.Count, seqSum, key.Kid, irregular, spans);
    }

    /// <summary>
    /// The verdict over the parts of one period: the same verified and checked counts as <see cref="ChainVerifier.Verify"/>
    /// gives over all their reports at once (it walks genuine reports in seq order and checks each against the one before;
    /// inside a span that check always passes). Null when some parts are irregular or their genuine seqs overlap: then only
    /// the full verifier decides which copy of a seq counts.
    /// </summary>
    public static EvidenceSummary? Summarize(IReadOnlyList<EvidencePart> parts)
    {
        if (parts.Any(p => p.Irregular))
        {
            return null;
        }

        var spans = parts.SelectMany(p => p.Spans).OrderBy(s => s.FirstSeq).ToList();
        long verified = 0;
        EvidenceSpan? before = null;
        foreach (var span in spans)
        {
            if (before is not null && span.FirstSeq <= before.LastSeq)
            {
                return null;
            }

            var linkBroken = before is not null && before.LastSeq == span.FirstSeq - 1 && span.FirstPrev is { } link && link != before.Head;
            var outOfOrder = before is not null && span.FirstEndNs <= before.LastEndNs;
            verified += span.Count - (linkBroken || outOfOrder ? 1 : 0);
            before = span;
        }

        return new EvidenceSummary(verified, parts.Sum(p => p.Reports));
    }

    internal static long Ns(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;
}
