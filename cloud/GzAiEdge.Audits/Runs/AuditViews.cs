using GzAiEdge.Evaluation.Audits;

namespace GzAiEdge.Audits.Runs;

/// <summary>An audit as the API and <c>gz audit show</c> present it: what ran, on which inputs, and each device's part.</summary>
public sealed record AuditView(
    string Id, string Scenario, string Pipeline, string TestSet, string Version, string TestSetSha256, string InputsSha256, int Items, int Repeats,
    DateTimeOffset Started, DateTimeOffset Deadline, IReadOnlyList<AuditPartView> Devices);

/// <summary>One device's part: its state (and why), and once scored the model, threshold, latency, metrics and flags; every answer received.</summary>
public sealed record AuditPartView(
    string Site, string Device, string State, string? Reason, string Command, DateTimeOffset? Answered, AuditModel? Model, double? Threshold,
    double? LatencyP95Ms, IReadOnlyDictionary<string, AuditMetric>? Metrics, IReadOnlyList<AuditFlag>? Flags, IReadOnlyList<AnswerView> Answers);

/// <summary>An answer received: when, whether accepted, and the reason.</summary>
public sealed record AnswerView(DateTimeOffset Received, bool Accepted, string Reason);

/// <summary>Reads audits for people: parts resolved first, flags of scored parts read from stored data.</summary>
public sealed class AuditQueries(AuditStore audits, PartResolver resolver, IntegrityFlags flags)
{
    /// <summary>The audit with its parts, or null.</summary>
    /// <exception cref="TimeSeries.InfluxDbUnavailableException">InfluxDB cannot answer now (flags need it).</exception>
    public async Task<AuditView?> GetAsync(string id, CancellationToken cancellationToken) =>
        audits.Find(id) is { } audit ? await ViewAsync(audit, cancellationToken) : null;

    /// <summary>Audits, newest first, optionally of one scenario.</summary>
    public async Task<IReadOnlyList<AuditView>> ListAsync(string? scenario, int limit, CancellationToken cancellationToken)
    {
        var views = new List<AuditView>();
        foreach (var audit in audits.List(scenario, limit))
        {
            views.Add(await ViewAsync(audit, cancellationToken));
        }

        return views;
    }

    private async Task<AuditView> ViewAsync(AuditRecord audit, CancellationToken cancellationToken)
    {
        var parts = new List<AuditPartView>();
        foreach (var p in await resolver.ResolveAsync(audit, cancellationToken))
        {
            var answers = audits.Answers(audit.Id, p.Site, p.Device).Select(a => new AnswerView(a.Received, a.Accepted, a.Reason)).ToList();
            var r = p.Result;
            parts.Add(new AuditPartView(p.Site, p.Device, p.State, p.Reason, p.Command, p.Answered, r?.Model, r?.Threshold, r?.LatencyP95Ms, r?.Metrics,
                r is null ? null : await flags.ForAsync(audit, p, r, cancellationToken), answers));
        }

        return new AuditView(audit.Id, audit.Scenario, audit.Pipeline, audit.TestSet, audit.Version, audit.TestSetSha256, audit.InputsSha256,
            audit.Items.Count, audit.Items.Count(i => i.RepeatOf is not null), audit.Started, audit.Deadline, parts);
    }
}
