using System.Buffers;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Ingestion;
using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.Scenarios.Programmes;
using GzAiEdge.Scenarios.Types;
using GzAiEdge.TimeSeries;

namespace GzAiEdge.Cli.Commands;

/// <summary>
/// Writes synthetic KPI windows for scenarios straight into InfluxDB, as ingestion would store them
/// (<see cref="StoredSchema.Kpi"/>). Seeded per scenario: each gets its own quality between threshold and
/// target, window noise, and a small share of lost reports (a larger one for every seventh), so the
/// ranking, the completeness gate and the ties have something to decide. With <paramref name="signers"/>, each device's
/// reports are signed and chained as its outbox makes them (a lost report still moves the chain on).
/// </summary>
internal sealed class KpiGenerator(Programme programme, InfluxDbClient influx, TimeSpan window, Func<string, string, DeviceSigner>? signers = null)
{
    private const int BatchPoints = 10_000;

    // Writes in flight: enough to keep InfluxDB's cores busy without letting its cache run over.
    private const int InFlight = 4;

    public long Points { get; private set; }

    public async Task WriteAsync(IReadOnlyList<Scenario> scenarios, DemonstrationPeriod period, Action<int> scenarioDone, CancellationToken cancellationToken)
    {
        var windows = (int)(period.Length / window);
        var pending = new List<Task>();
        for (var i = 0; i < scenarios.Count; i++)
        {
            var scenario = scenarios[i];
            var random = new Random(i + 1);
            // Only what devices report is stored; the cloud computes the rest (uptime, audits) when it evaluates.
            var rubric = programme.RubricFor(scenario).Where(k => k.Definition is not { ComputedByPlatform: true }).ToList();
            var quality = rubric.Select(_ => 0.2 + random.NextDouble()).ToArray();
            var loss = i % 7 == 3 ? 0.06 : 0.002;
            foreach (var site in scenario.Sites)
            {
                foreach (var device in site.Devices)
                {
                    var buffer = new ArrayBufferWriter<byte>(4 << 20);
                    var writer = new LineProtocolWriter(buffer);
                    var inBatch = 0;
                    var signer = signers?.Invoke(site.Site, device);
                    var prev = ChainHash.Genesis;
                    for (var seq = 1; seq <= windows; seq++)
                    {
                        var end = period.From + (window * seq);
                        if (random.NextDouble() < loss)
                        {
                            prev = signer is null ? prev : ChainHash.Of(Lost(site.Site, device, scenario.Id, seq, end, prev));
                            continue;
                        }

                        var kpis = new Dictionary<string, double>(rubric.Count);
                        for (var k = 0; k < rubric.Count; k++)
                        {
                            kpis[rubric[k].Key] = Value(rubric[k], quality[k], random, windows);
                        }

                        var report = new KpiReport
                        {
                            V = 1,
                            Site = site.Site,
                            Device = device,
                            Scenario = scenario.Id,
                            Seq = seq,
                            WindowStart = end - window,
                            WindowEnd = end,
                            Kpis = kpis,
                            Model = new ModelInfo("bench-model", "1.0", string.Empty),
                            Prev = signer is null ? null : prev,
                        };
                        report = signer?.Sign(report) ?? report;
                        prev = ChainHash.Of(report);
                        writer.Write(StoredSchema.Kpi(report, scenario.SectorTag, prev));
                        Points++;
                        if (++inBatch == BatchPoints)
                        {
                            pending.Add(influx.WriteAsync(buffer.WrittenMemory, cancellationToken));
                            buffer = new ArrayBufferWriter<byte>(4 << 20);
                            writer = new LineProtocolWriter(buffer);
                            inBatch = 0;
                            await Drain(pending, InFlight);
                        }
                    }

                    pending.Add(influx.WriteAsync(buffer.WrittenMemory, cancellationToken));
                    await Drain(pending, InFlight);
                }
            }

            scenarioDone(i + 1);
        }

        await Drain(pending, 0);
    }

    // What the device made for a window that never arrived: only its hash matters, as the next report's prev.
    private KpiReport Lost(string site, string device, string scenario, long seq, DateTimeOffset end, string prev) => new()
    {
        V = 1,
        Site = site,
        Device = device,
        Scenario = scenario,
        Seq = seq,
        WindowStart = end - window,
        WindowEnd = end,
        Kpis = new Dictionary<string, double>(),
        Prev = prev,
    };

    private static async Task Drain(List<Task> pending, int keep)
    {
        while (pending.Count > keep)
        {
            var done = await Task.WhenAny(pending);
            pending.Remove(done);
            await done;
        }
    }

    private double Value(KpiRubric kpi, double quality, Random random, int windows)
    {
        var span = kpi.Target - kpi.Threshold;
        var level = kpi.Threshold + (quality * span) + ((random.NextDouble() - 0.5) * 0.2 * Math.Abs(span));
        return kpi.Aggregation!.Value switch
        {
            Aggregation.Sum => Math.Max(0, level / windows),
            Aggregation.Rate => Math.Max(0, level * window.TotalSeconds / 3600),
            _ => Math.Max(0, level),
        };
    }
}
