using GzAiEdge.Scenarios.Scoring;

namespace GzAiEdge.Evaluation.Audits;

/// <summary>
/// The gates a type sets on audit flags (<c>gates.auditFlags</c>), decided over the audits a scenario's accuracy KPIs
/// come from: failed when the flag failed on any of them, not evaluated when there is no audit or one could not
/// check it (the result stays provisional), passed when it held on every one.
/// </summary>
internal static class AuditFlagGates
{
    public static IReadOnlyList<GateResult> For(IReadOnlyList<string> flags, IReadOnlyList<DeviceAudit> audits) =>
        [.. flags.Select(flag => Decide(flag, audits))];

    private static GateResult Decide(string flag, IReadOnlyList<DeviceAudit> audits)
    {
        var gate = ScoreCalculator.AuditFlagGate(flag);
        if (audits.Count == 0)
        {
            return new GateResult(gate, 1, null, GateStatus.NotEvaluated, "no valid audit in the period");
        }

        var checks = audits.Select(a => (Audit: a, Flag: a.Flags.FirstOrDefault(f => f.Name == flag))).ToList();
        var passed = checks.Count(c => c.Flag?.Passed == true);
        var share = ScenarioEvaluator.Round((double)passed / audits.Count);
        var failed = checks.Where(c => c.Flag?.Passed == false).Select(c => $"{Which(c.Audit)}: {c.Flag!.Detail}").ToList();
        if (failed.Count > 0)
        {
            return new GateResult(gate, 1, share, GateStatus.Failed, $"failed on {string.Join("; ", failed)}");
        }

        var unknown = checks.Where(c => c.Flag?.Passed is null)
            .Select(c => $"{Which(c.Audit)}: {c.Flag?.Detail ?? "the audit does not report this flag"}").ToList();
        return unknown.Count > 0
            ? new GateResult(gate, 1, share, GateStatus.NotEvaluated, $"not checked on {string.Join("; ", unknown)}")
            : new GateResult(gate, 1, share, GateStatus.Passed, $"passed on every audit used ({audits.Count})");
    }

    private static string Which(DeviceAudit audit) => $"audit {audit.AuditId} ({audit.Site}/{audit.Device})";
}
