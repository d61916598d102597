using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;

namespace GzAiEdge.FleetSimulation.Devices;

/// <summary>
/// A simulated device's report chain, kept in memory: <c>seq</c> from 1, each report's <c>prev</c> the
/// hash of the one before, each report and checkpoint signed with the device's key, exactly as the edge
/// outbox makes them (edge/GzAiEdge.EdgeRuntime/Publishing/Outbox.cs), so that the verifier accepts them. There
/// is no outbox: a report the broker never took is not sent again (a simulator's reports are cheap).
/// </summary>
public sealed class ReportChain(DeviceSigner signer, string site, string device, string scenario, ChainHead head)
{
    private ChainHead _head = head;

    /// <summary>The last report made: its seq and hash (seq 0 and the genesis hash before the first).</summary>
    public ChainHead Head => _head;

    public string Site => site;

    public string Device => device;

    /// <summary>The next report of the chain, signed.</summary>
    public KpiReport Next(DateTimeOffset windowStart, DateTimeOffset windowEnd, IReadOnlyDictionary<string, double> kpis, ModelInfo? model)
    {
        var report = signer.Sign(new KpiReport
        {
            V = ContractVersion.Current,
            Site = site,
            Device = device,
            Scenario = scenario,
            Seq = _head.Seq + 1,
            WindowStart = windowStart,
            WindowEnd = windowEnd,
            Kpis = kpis,
            Model = model,
            Prev = _head.Hash,
        });
        _head = new ChainHead(report.Seq, ChainHash.Of(report));
        return report;
    }

    /// <summary>A signed statement of the chain head, as the edge sends every N reports and at shutdown.</summary>
    public Checkpoint Checkpoint(DateTimeOffset time) => signer.Sign(new Checkpoint
    {
        V = ContractVersion.Current,
        Site = site,
        Device = device,
        Time = time,
        Seq = _head.Seq,
        Head = _head.Hash,
    });
}

/// <summary>Where a chain stands: the last seq made and the hash of that report.</summary>
public readonly record struct ChainHead(long Seq, string Hash)
{
    /// <summary>A chain that has made no report yet.</summary>
    public static ChainHead Start => new(0, ChainHash.Genesis);
}
