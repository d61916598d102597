using System.Diagnostics;
using System.Globalization;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Evaluation;
using GzAiEdge.Evaluation.Audits;
using GzAiEdge.Evaluation.Evidence;
using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.Scenarios.Programmes;
using GzAiEdge.TimeSeries;

namespace GzAiEdge.Cli.Commands;

/// <summary>
/// <c>gz bench evaluate --evidence</c>: one key per device (the generator signs and chains with it, a key registry lists the
/// public halves), the spans verified once as the cloud's indexer would while the reports arrived, then the programme
/// evaluated without and with evidence in turn, the same data, several rounds: both times from one run.
/// </summary>
internal sealed class EvidenceBench : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("gz-bench-evidence-");
    private readonly Dictionary<(string, string), DeviceSigner> _signers = [];

    public DeviceSigner Signer(string site, string device)
    {
        if (!_signers.TryGetValue((site, device), out var signer))
        {
            _signers[(site, device)] = signer = DeviceSigner.Create();
        }

        return signer;
    }

    public async Task<int> RunAsync(Programme programme, IReadOnlyList<Scenario> chosen, DemonstrationPeriod period, InfluxDbClient client, int parallelism, int rounds,
        CancellationToken cancellationToken)
    {
        var registry = Path.Combine(_folder.FullName, "device-keys.json");
        DeviceKeyRegistry.Save(registry, new DeviceKeyRegistryFile([.. _signers.Select(s => new DeviceKeyEntry(s.Key.Item1, s.Key.Item2, s.Value.PublicKeyPem))]));
        var store = new EvidenceSpanStore(Path.Combine(_folder.FullName, "evidence-spans.db"));
        var reader = new ChainReader(client);
        var incremental = new IncrementalChainEvidence(reader, store, new KeyRegistryCache(registry));

        var indexing = Stopwatch.StartNew();
        using (var keys = DeviceKeyRegistry.Load(registry))
        {
            await Parallel.ForEachAsync(keys.All, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
                async (d, token) => await incremental.DaysAsync(d.Site, d.Device, period.From, period.To, d.Key, token));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"evidence index: {_signers.Count} devices' chains verified into spans in {indexing.Elapsed.TotalSeconds:0.00} s (the cloud's indexer does this as days close)"));

        var without = new List<double>();
        var with = new List<double>();
        string? bare = null, checkedShare = null;
        for (var round = 1; round <= rounds; round++)
        {
            var (plain, plainTime) = await TimeAsync(programme, chosen, period, client, new EvidenceNotChecked(), parallelism, cancellationToken);
            var (evidenced, evidenceTime) = await TimeAsync(programme, chosen, period, client, incremental, parallelism, cancellationToken);
            without.Add(plainTime);
            with.Add(evidenceTime);
            bare = plain;
            checkedShare = evidenced;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  round {round}: without evidence {plainTime:0.00} s, with evidence {evidenceTime:0.00} s"));
        }

        var (a, b) = (Median(without), Median(with));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"evaluate --evidence: median of {rounds} rounds: without evidence {a:0.00} s, with evidence {b:0.00} s, ratio {b / a:0.00}× (limit 1.5×); {checkedShare}; without: {bare}"));
        return 0;
    }

    public void Dispose()
    {
        foreach (var signer in _signers.Values)
        {
            signer.Dispose();
        }

        _folder.Delete(recursive: true);
    }

    private static async Task<(string Summary, double Seconds)> TimeAsync(Programme programme, IReadOnlyList<Scenario> chosen, DemonstrationPeriod period, InfluxDbClient client,
        IEvidenceVerifier evidence, int parallelism, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var evaluation = await new ProgrammeEvaluator(new ScenarioEvaluator(new ScenarioReader(client), evidence, new NoAuditResults()))
            .EvaluateAsync(programme, chosen, period, parallelism, null, cancellationToken);
        watch.Stop();
        var shares = evaluation.Scenarios.SelectMany(s => s.Devices).Where(d => d.VerifiedShare is not null).Select(d => d.VerifiedShare!.Value).ToList();
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{evaluation.Leaderboard.Count} eligible of {evaluation.Scenarios.Count}, verified share checked for {shares.Count} devices (min {(shares.Count == 0 ? 0 : shares.Min()):0.000})");
        return (summary, watch.Elapsed.TotalSeconds);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
