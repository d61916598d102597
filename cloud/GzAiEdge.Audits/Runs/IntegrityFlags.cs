using System.Globalization;
using GzAiEdge.Evaluation.Audits;
using GzAiEdge.TimeSeries;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Audits.Runs;

/// <summary>
/// The integrity flags of a scored part, from what is stored now: the audited model against the model in the device's
/// field reports of the window before the audit started and the window after it answered (MLPerf's TEST01 idea: the
/// system that was scored is the system in the field); the audit's latency p95 against the field-reported p95 of the same
/// model in those windows, within <see cref="AuditsOptions.LatencyRatio"/> or <see cref="AuditsOptions.LatencySlackMs"/>;
/// the repeats check made at scoring; and the answers rejected for the part. Read again on every request, so the window
/// after an audit fills in as its hour passes; the same stored data gives the same flags, word for word.
/// </summary>
public sealed class IntegrityFlags(AuditFieldReader field, AuditStore audits, IOptions<AuditsOptions> options)
{
    /// <exception cref="InfluxDbUnavailableException">InfluxDB cannot answer now.</exception>
    public async Task<IReadOnlyList<AuditFlag>> ForAsync(AuditRecord audit, PartRecord part, PartResult result, CancellationToken cancellationToken)
    {
        var window = TimeSpan.FromMinutes(options.Value.FieldWindowMinutes);
        var answered = part.Answered!.Value;
        var before = await field.ReportsAsync(part.Site, part.Device, audit.Started - window, audit.Started, cancellationToken);
        var after = await field.ReportsAsync(part.Site, part.Device, answered, answered + window, cancellationToken);
        return
        [
            FieldModel(result.Model, before, after, window),
            result.Repeats,
            Latency(result, [.. before, .. after]),
            Rejections(audits.Answers(part.Audit, part.Site, part.Device).Where(a => !a.Accepted).ToList()),
        ];
    }

    // Says how far the window after the audit is filled (its last report), never "now", so the same data reads the same.
    private static AuditFlag FieldModel(AuditModel audited, IReadOnlyList<FieldReport> before, IReadOnlyList<FieldReport> after, TimeSpan window)
    {
        if (before.Count + after.Count == 0)
        {
            return new AuditFlag(AuditFlags.FieldModelMatches, null, $"no field reports in the {window.TotalMinutes:0} minutes before the audit or after it to compare");
        }

        var others = before.Concat(after).Where(r => r.ModelSha256 != audited.Sha256).ToList();
        var through = after.Count == 0 ? string.Empty : $", through {after.Max(r => r.WindowEnd):O}";
        var described = $"the {window.TotalMinutes:0} minutes before the audit ({Models(before)}) and after it{through} ({Models(after)})";
        return others.Count == 0
            ? new AuditFlag(AuditFlags.FieldModelMatches, true, $"every field report of {described} carries the audited model {audited.Name} {audited.Version} ({audited.Sha256[..12]})")
            : new AuditFlag(AuditFlags.FieldModelMatches, false,
                $"{others.Count} field reports of {described} carry another model than the audited {audited.Name} {audited.Version} ({audited.Sha256[..12]})");
    }

    private AuditFlag Latency(PartResult result, List<FieldReport> reports)
    {
        var o = options.Value;
        var field = reports.Where(r => r.ModelSha256 == result.Model.Sha256 && r.InferenceP95Ms is not null).Select(r => r.InferenceP95Ms!.Value).ToList();
        var tolerance = $"within ×{o.LatencyRatio.ToString(CultureInfo.InvariantCulture)} or ±{o.LatencySlackMs.ToString(CultureInfo.InvariantCulture)} ms";
        if (field.Count == 0)
        {
            return new AuditFlag(AuditFlags.LatencyConsistent, null, $"audit p95 {Ms(result.LatencyP95Ms)} over {result.Runs} runs; no field report of the same model gave an inference p95 to compare");
        }

        var median = Scoring.Bootstrap.Percentile(field, 0.5)!.Value;
        var (audit, ratio, slack) = (result.LatencyP95Ms, o.LatencyRatio, o.LatencySlackMs);
        var consistent = audit <= Math.Max(median * ratio, median + slack) && audit >= Math.Min(median / ratio, median - slack);
        return new AuditFlag(AuditFlags.LatencyConsistent, consistent,
            $"audit p95 {Ms(audit)} over {result.Runs} runs; field-reported p95 of the same model {Ms(median)} (median of {field.Count} windows); {(consistent ? "consistent" : "not consistent")}, {tolerance}");
    }

    private static AuditFlag Rejections(List<AnswerRecord> rejected) => rejected.Count == 0
        ? new AuditFlag(AuditFlags.NoRejectedAnswers, true, "no answer was rejected")
        : new AuditFlag(AuditFlags.NoRejectedAnswers, false, $"{rejected.Count} answers rejected: {string.Join("; ", rejected.Select(a => $"{a.Received:O} {a.Reason}"))}");

    private static string Models(IReadOnlyList<FieldReport> reports) => reports.Count == 0
        ? "no reports"
        : string.Join(", ", reports.GroupBy(r => (r.ModelName, r.ModelVersion, r.ModelSha256)).Select(g =>
            $"{g.Count()} of {g.Key.ModelName} {g.Key.ModelVersion} ({(g.Key.ModelSha256 is { Length: >= 12 } sha ? sha[..12] : "no model")})"));

    private static string Ms(double value) => $"{value.ToString("0.###", CultureInfo.InvariantCulture)} ms";
}
