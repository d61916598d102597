using System.Security.Cryptography;
using GzAiEdge.Contracts.Commands;
using GzAiEdge.Contracts.Evidence;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.DeviceManagement.Commands;
using GzAiEdge.Evaluation;
using GzAiEdge.FieldAudits.Items;
using GzAiEdge.FieldAudits.Labels;
using GzAiEdge.TimeSeries;
using Microsoft.Extensions.Options;

namespace GzAiEdge.FieldAudits.Sampling;

/// <summary>What one sampling pass did: windows it drew from, items it asked for, commands sent and those that could not be.</summary>
public sealed record SamplingPass(string Period, DateTimeOffset Through, int Windows, int Items, int Commands, IReadOnlyList<string> NotSent);

/// <summary>
/// Commits sampling periods and samples them: for each listed device, the windows whose report the cloud has stored
/// (so the window has closed) that ended in the period and after the last pass, each stratum drawn
/// <see cref="PeriodRecord.PerStratum"/> times with <see cref="SampleDraw"/>; the items are stored and asked for with
/// signed <c>evidence.fetch</c> commands. A report not stored yet is simply sampled by a later pass.
/// </summary>
public sealed class FieldSampler(
    ProgrammeSource programme, PeriodStore periods, FieldItemStore items, ChainReader reports, CommandPublisher publisher,
    IOptions<FieldAuditsOptions> options, TimeProvider time)
{
    /// <summary>Commits a new period of <paramref name="scenario"/>: a secret seed, its hash published now.</summary>
    public PeriodRecord Commit(string scenario, DateTimeOffset starts, DateTimeOffset ends, int? perStratum)
    {
        var now = time.GetUtcNow();
        _ = Scenario(scenario);
        if (ends <= starts || ends - starts > TimeSpan.FromDays(92))
        {
            throw new FieldAuditException(FieldAuditProblem.Invalid, $"a period ends after it starts and spans at most 92 days (was {starts:O} to {ends:O})");
        }

        if (starts < now.AddMinutes(-1))
        {
            // The commitment must come before any window it samples could have been seen by anyone choosing a seed.
            throw new FieldAuditException(FieldAuditProblem.Invalid, $"a period starts now or later, never in the past (starts {starts:O}, now {now:O})");
        }

        var per = perStratum ?? options.Value.ItemsPerStratum;
        if (per is < 1 or > 100)
        {
            throw new FieldAuditException(FieldAuditProblem.Invalid, $"perStratum must be 1 to 100 (was {per})");
        }

        var seed = SampleDraw.NewSeed();
        var period = new PeriodRecord(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), scenario, starts, ends, SampleDraw.Commitment(seed), null, per, now, null, null);
        periods.Add(period, seed);
        return period;
    }

    /// <summary>Reveals the period's seed once the period has ended.</summary>
    public PeriodRecord Reveal(string id)
    {
        var period = periods.Find(id) ?? throw new FieldAuditException(FieldAuditProblem.NotFound, $"no sampling period {id}");
        var now = time.GetUtcNow();
        if (now < period.Ends)
        {
            throw new FieldAuditException(FieldAuditProblem.Invalid, $"period {id} ends at {period.Ends:O}; its seed is revealed only after that (now {now:O})");
        }

        periods.Reveal(id, now);
        return periods.Find(id)!;
    }

    /// <summary>Samples the period's closed windows not sampled yet and sends the requests.</summary>
    public async Task<SamplingPass> SampleAsync(string id, CancellationToken cancellationToken)
    {
        var period = periods.Find(id) ?? throw new FieldAuditException(FieldAuditProblem.NotFound, $"no sampling period {id}");
        var now = time.GetUtcNow();
        items.ExpireUnanswered(now);
        var (scenario, pipeline) = Scenario(period.Scenario);
        if (LabelRules.KindOf(pipeline) is null)
        {
            throw new FieldAuditException(FieldAuditProblem.Invalid, $"scenario {scenario.Id} runs {pipeline}, which has no model output to label");
        }

        // A little before the last pass: a report stored late is still drawn; items drawn before are kept, not asked for again.
        var from = period.SampledTo is { } last && last.AddMinutes(-10) > period.Starts ? last.AddMinutes(-10) : period.Starts;
        var through = now < period.Ends ? now : period.Ends;
        var seed = periods.Secret(id);
        var (windows, drawn, sent, notSent) = (0, 0, 0, new List<string>());
        var deadline = now.AddMinutes(options.Value.AnswerMinutes);
        foreach (var (site, device) in scenario.Sites.SelectMany(s => s.Devices.Select(d => (s.Site, d))))
        {
            // Stored time is the window end; [from, through] on it, and only reports whose hash ingestion kept.
            var stored = (await reports.ReportsAsync(site, device, from, through.AddTicks(1), cancellationToken))
                .Where(r => r.Report.Scenario == scenario.Id && r.ReceivedHash is not null && r.Report.WindowEnd <= now && r.Report.WindowStart >= period.Starts)
                .OrderBy(r => r.Report.Seq).ToList();
            var requests = new List<EvidenceRequest>();
            windows += stored.Count;
            foreach (var r in stored)
            {
                foreach (var stratum in Strata.All)
                {
                    for (var j = 0; j < period.PerStratum; j++)
                    {
                        var draw = SampleDraw.Derive(seed, site, device, r.Report.Seq, r.ReceivedHash!, stratum, j);
                        requests.Add(new EvidenceRequest(SampleDraw.ItemId(period.Id, site, device, r.Report.Seq, stratum, j), r.Report.Seq, r.ReceivedHash!,
                            r.Report.WindowStart, r.Report.WindowEnd, stratum, draw));
                    }
                }
            }

            var added = items.Add(requests.Select(q => new FieldItem(q.Item, period.Id, scenario.Id, site, device, pipeline, q.Seq, q.ReportHash, q.WindowStart,
                q.WindowEnd, q.Stratum, q.Draw, FieldItemStates.Requested, null, null, null, null, null, null, null, null, now, null)));
            drawn += added.Count;
            var fresh = added.ToHashSet(StringComparer.Ordinal);
            foreach (var chunk in requests.Where(q => fresh.Contains(q.Item)).Chunk(EvidenceFetchArguments.MaxItems))
            {
                var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
                var command = new DeviceCommand
                {
                    V = ContractVersion.Current,
                    Id = Guid.NewGuid().ToString("N"),
                    Site = site,
                    Device = device,
                    Issued = now,
                    Expires = deadline,
                    Type = CommandTypes.EvidenceFetch,
                    Arguments = EvidenceFetchArguments.Of(nonce, deadline, chunk),
                };
                items.SetCommand(chunk.Select(c => c.Item), command.Id, nonce, deadline);
                try
                {
                    await publisher.PublishAsync(command, cancellationToken);
                    sent++;
                }
                catch (CommandNotPublishedException ex)
                {
                    notSent.Add($"{site}/{device}: {ex.Message}");
                }
            }
        }

        periods.SampledTo(id, through);
        return new SamplingPass(id, through, windows, drawn, sent, notSent);
    }

    private (Scenarios.Catalogue.Scenario Scenario, string Pipeline) Scenario(string id)
    {
        var (loaded, error) = programme.Get();
        if (loaded is null)
        {
            throw new FieldAuditException(FieldAuditProblem.NotConfigured, $"the programme cannot be loaded: {error}");
        }

        return loaded.Catalogue.TryGet(id, out var scenario)
            ? (scenario, loaded.TypeOf(scenario).Pipeline)
            : throw new FieldAuditException(FieldAuditProblem.NotFound, $"the catalogue ({programme.CataloguePath}) has no scenario {id}");
    }
}
