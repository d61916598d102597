using System.Buffers;
using BenchmarkDotNet.Attributes;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Contracts.Validation;
using GzAiEdge.Ingestion;
using GzAiEdge.Ingestion.Bounds;
using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.TimeSeries;
using Microsoft.Extensions.Options;

namespace GzAiEdge.HotPath.Bench;

/// <summary>
/// A signed report with ten KPIs and a model, from payload to its line in the batch: the hot path
/// (parse, validate, hash, write) against the general path it replaces, and the stages on their own.
/// </summary>
[MemoryDiagnoser]
[InProcess]
public class KpiPathBenchmarks
{
    private static readonly ScenarioCatalogue Catalogue = new([new Scenario(SignedReports.Scenario, Sector.Traffic, "traffic-flow", "天河", "Tianhe")
    {
        Sites = [new ScenarioSite(SignedReports.Site, [SignedReports.Device(7)])],
    }]);

    // The system clock, as ingestion reads it: the time bounds' cost is part of the hot path.
    private static readonly ReportBounds Bounds = new(Catalogue, Options.Create(new ReportBoundsOptions()), TimeProvider.System);
    private readonly ArrayBufferWriter<byte> _output = new(1 << 20);
    private readonly KpiLineWriter _hot = new(Catalogue, Bounds);
    private readonly MessageMapper _general = new(Catalogue, Bounds);
    private readonly Utf8Kpi[] _kpis = new Utf8Kpi[KpiReportValidator.MaxKpis];
    private readonly byte[] _canonical = new byte[4096];
    private readonly byte[] _hash = new byte[ChainHash.Length];
    private readonly ChainHasher _hasher = new();
    private byte[] _scratch = [];
    private byte[] _payload = [];
    private string _topic = "";
    private KpiReport _report = null!;
    private LinePoint _point = null!;
    private LineProtocolWriter _writer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _payload = SignedReports.Payload(7);
        _topic = SignedReports.Topic(7);
        _scratch = new byte[Utf8KpiReport.ScratchLength(_payload.Length)];
        _report = System.Text.Json.JsonSerializer.Deserialize(_payload, GzJsonContext.Default.KpiReport)!;
        _point = _general.Map(_topic, _payload).Point!;
        _writer = new LineProtocolWriter(_output);
    }

    /// <summary>What ingestion does per KPI report now: payload to line protocol, hash included.</summary>
    [Benchmark(Baseline = true)]
    public bool HotPath()
    {
        Reset();
        return _hot.TryWrite(_topic, _payload, _output);
    }

    /// <summary>What it did before: deserialize, validate, build the point, write it.</summary>
    [Benchmark]
    public void GeneralPath()
    {
        Reset();
        _writer.Write(_general.Map(_topic, _payload).Point!);
    }

    /// <summary>Parse and validate in place (<see cref="Utf8KpiReport.TryRead"/>).</summary>
    [Benchmark]
    public bool ReadReport() => Utf8KpiReport.TryRead(_payload, _kpis, _scratch, out _);

    /// <summary>Read in place, then what a device may claim: the time bounds and the catalogue listing (<see cref="ReportBounds.Accepts"/>).</summary>
    [Benchmark]
    public bool ReadAndBound() => Utf8KpiReport.TryRead(_payload, _kpis, _scratch, out var report) && Bounds.Accepts(report);

    /// <summary>Canonical bytes and SHA-256 of a report read in place.</summary>
    [Benchmark]
    public bool ChainHashInPlace()
    {
        Utf8KpiReport.TryRead(_payload, _kpis, _scratch, out var report);
        var written = CanonicalBytes.TryWrite(report, _canonical, out var length);
        _hasher.Compute(_canonical.AsSpan(0, length), _hash);
        return written;
    }

    /// <summary><see cref="ChainHash.Of(KpiReport)"/> on a report object, as the edge outbox and the verifier use it.</summary>
    [Benchmark]
    public string ChainHashOfReport() => ChainHash.Of(_report);

    /// <summary>The general line protocol writer on a ready point.</summary>
    [Benchmark]
    public void LineProtocolWrite()
    {
        Reset();
        _writer.Write(_point);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _hot.Dispose();
        _hasher.Dispose();
    }

    private void Reset()
    {
        if (_output.WrittenCount > (1 << 20) - 8192)
        {
            _output.ResetWrittenCount();
        }
    }
}
