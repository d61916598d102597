using System.Buffers;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Contracts.Verification;
using GzAiEdge.Evaluation.Evidence;
using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.Testing;
using GzAiEdge.TimeSeries;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Evaluation.Tests.Evidence;

/// <summary>The spans against the full verifier on a real InfluxDB: whole and partial days, and a report that arrives late.</summary>
[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class IncrementalChainEvidenceTests
{
    private static readonly DateTimeOffset Start = new(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Spans_answer_as_the_full_verifier_and_a_late_report_reopens_its_day()
    {
        using var folder = new TempFolder("gz-spans");
        await using var server = await InfluxDbServer.StartAsync();
        using var http = new HttpClient();
        var client = new InfluxDbClient(http, Options.Create(new InfluxDbOptions { BaseAddress = server.BaseAddress, Database = server.Database }));
        using var signer = DeviceSigner.Create();
        DeviceKeyRegistry.Save(folder.File("keys.json"), new DeviceKeyRegistryFile([new DeviceKeyEntry("s1", "d1", signer.PublicKeyPem)]));

        // Three days of 10-minute windows (seq 432 ends as the third day does, outside [Start, Start + 3 d)); seq 200 arrives
        // late, seq 50 is changed at rest, seq 300 carries no signature: 430 of them checked, 428 verified, then 431 and 429.
        var chain = Chain(signer, 3 * 144);
        var late = chain[199];
        await WriteAsync(client, chain.Where(r => r.Seq != 200).Select(r => r.Seq switch
        {
            50 => (r with { Kpis = new Dictionary<string, double> { ["a"] = -1 } }, ChainHash.Of(r)),
            300 => (r with { Kid = null, Sig = null }, ChainHash.Of(r with { Kid = null, Sig = null })),
            _ => (r, ChainHash.Of(r)),
        }));

        var store = new EvidenceSpanStore(folder.File("spans.db"));
        var reader = new ChainReader(client);
        var incremental = new IncrementalChainEvidence(reader, store, new KeyRegistryCache(folder.File("keys.json")));
        var full = new ChainEvidence(reader, folder.File("keys.json"));
        DemonstrationPeriod[] periods = [new(Start, Start.AddDays(3)), new(Start.AddHours(5), Start.AddDays(2).AddHours(7.5)), new(Start.AddDays(1), Start.AddDays(2))];

        foreach (var period in periods)
        {
            Assert.Equal(await full.VerifyAsync("x", "s1", "d1", period, CancellationToken.None), await incremental.VerifyAsync("x", "s1", "d1", period, CancellationToken.None));
        }

        Assert.Equal(new EvidenceSummary(428, 430), await incremental.VerifyAsync("x", "s1", "d1", periods[0], CancellationToken.None));
        Assert.Equal(3, (await store.ReadAsync("s1", "d1", 0, long.MaxValue, CancellationToken.None)).Count);

        await WriteAsync(client, [(late, ChainHash.Of(late))]);
        foreach (var period in periods)
        {
            Assert.Equal(await full.VerifyAsync("x", "s1", "d1", period, CancellationToken.None), await incremental.VerifyAsync("x", "s1", "d1", period, CancellationToken.None));
        }

        Assert.Equal(new EvidenceSummary(429, 431), await incremental.VerifyAsync("x", "s1", "d1", periods[0], CancellationToken.None));
        var secondDay = (long)(Start.AddDays(1) - DateTimeOffset.UnixEpoch).TotalDays;
        Assert.Equal(144, (await store.ReadAsync("s1", "d1", secondDay, secondDay, CancellationToken.None))[secondDay].Reports);
    }

    private static List<KpiReport> Chain(DeviceSigner signer, int count)
    {
        var reports = new List<KpiReport>();
        var prev = ChainHash.Genesis;
        for (var seq = 1; seq <= count; seq++)
        {
            var report = signer.Sign(new KpiReport
            {
                V = 1,
                Site = "s1",
                Device = "d1",
                Scenario = "x",
                Seq = seq,
                WindowStart = Start.AddMinutes(10 * (seq - 1)),
                WindowEnd = Start.AddMinutes(10 * seq),
                Kpis = new Dictionary<string, double> { ["a"] = seq },
                Prev = prev,
            });
            prev = ChainHash.Of(report);
            reports.Add(report);
        }

        return reports;
    }

    private static async Task WriteAsync(InfluxDbClient client, IEnumerable<(KpiReport Report, string Hash)> reports)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new LineProtocolWriter(buffer);
        foreach (var (report, hash) in reports)
        {
            writer.Write(StoredSchema.Kpi(report, "traffic", hash));
        }

        await client.WriteAsync(buffer.WrittenMemory, CancellationToken.None);
    }
}
